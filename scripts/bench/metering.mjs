// D1 metering: the same source with a metering wrapper (workers/d1-meter.js), one request at a
// time on fresh data copies, so rows and statements are per request rather than under load.
import { fromEdge, send, sleep } from "./client.mjs";
import { SERVERS } from "./scenarios.mjs";
import { METER_HEADER } from "./workers/d1-meter.js";

/**
 * The most statements and rows any of a scenario's first five requests cost, per metered scenario.
 * @param {{ scenarios: object[], ctx: object, serve: (name: string, script: string) => Promise<object> }} run
 * @returns {Promise<Record<string, { statements: number, rowsRead: number, rowsWritten: number, unmetered: number, samples: number }>>}
 */
export async function meterD1({ scenarios, ctx, serve }) {
  const meters = {};
  const meteredScenarios = scenarios.filter((s) => s.meter && s.requests);
  for (const name of [...new Set(meteredScenarios.map((s) => s.server))]) {
    const metered = await serve(name, SERVERS[name].metered);
    const setUp = new Set();
    for (const scenario of meteredScenarios.filter((s) => s.server === name)) {
      if (scenario.setup && !setUp.has(scenario.setup)) {
        setUp.add(scenario.setup);
        await scenario.setup({ ...ctx, server: metered, send });
      }
      const requests = fromEdge(scenario.requests(ctx));
      if (scenario.warm) {
        for (const req of requests) await send(metered.url, req);
        await sleep(300);
      }
      const samples = [];
      for (const req of requests.slice(0, 5)) {
        const { res, body } = await send(metered.url, req);
        if (!scenario.expect.includes(res.status)) throw new Error(`${scenario.id} (metered): ${res.status} ${body.slice(0, 300)}`);
        samples.push(JSON.parse(res.headers.get(METER_HEADER)));
      }
      meters[scenario.id] = {
        statements: Math.max(...samples.map((s) => s.statements)),
        rowsRead: Math.max(...samples.map((s) => s.rowsRead)),
        rowsWritten: Math.max(...samples.map((s) => s.rowsWritten)),
        unmetered: Math.max(...samples.map((s) => s.unmetered)),
        samples: samples.length,
      };
    }
  }
  return meters;
}
