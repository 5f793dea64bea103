import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type D1Meter, METER_HEADER, metered } from "../../scripts/bench/workers/d1-meter.js";

// The benchmark's D1 figures come from this wrapper: it must report what D1 itself reports.
const READ = "SELECT id, display_name FROM users WHERE id >= ? ORDER BY id LIMIT 3";
const worker = metered({
  async fetch(request: Request, e: Env) {
    const path = new URL(request.url).pathname;
    const session = e.DB.withSession("first-unconstrained");
    if (path === "/raw") await session.prepare(READ).bind("meter-").raw();
    if (path === "/first") await e.DB.prepare("SELECT count(*) AS n FROM users WHERE id LIKE 'meter-%'").first("n");
    if (path === "/batch") {
      await session.batch([
        session.prepare("INSERT INTO users (id, display_name) VALUES (?, ?)").bind(`meter-new-${crypto.randomUUID()}`, "New"),
        session.prepare("SELECT id FROM users WHERE id = ?").bind("meter-1"),
      ]);
    }
    if (path === "/raw-write") await session.prepare("UPDATE users SET display_name = 'Renamed' WHERE id = ? RETURNING id").bind("meter-2").raw();
    return new Response("ok");
  },
});

async function meter(path: string): Promise<D1Meter> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://bench.test${path}`), env, ctx);
  await waitOnExecutionContext(ctx);
  expect(await res.text()).toBe("ok");
  return JSON.parse(res.headers.get(METER_HEADER)!);
}

describe("bench D1 meter", () => {
  beforeAll(async () => {
    await env.DB.batch(["meter-1", "meter-2", "meter-3", "meter-4"].map((id) => env.DB.prepare("INSERT INTO users (id, display_name) VALUES (?, ?)").bind(id, id)));
  });

  it("reports a raw() read (through a session) with the rows_read D1 reports for it", async () => {
    const { meta } = await env.DB.prepare(READ).bind("meter-").all();
    expect(await meter("/raw")).toEqual({ statements: 1, rowsRead: meta.rows_read, rowsWritten: 0, reruns: 1, unmetered: 0 });
  });

  it("reports first() on the binding itself", async () => {
    const { meta } = await env.DB.prepare("SELECT count(*) AS n FROM users WHERE id LIKE 'meter-%'").all();
    expect(await meter("/first")).toMatchObject({ statements: 1, rowsRead: meta.rows_read, reruns: 1 });
  });

  it("sums every statement of a batch from the batch's own meta", async () => {
    const m = await meter("/batch");
    expect(m).toMatchObject({ statements: 2, reruns: 0, unmetered: 0 });
    expect(m.rowsWritten).toBeGreaterThan(0);
    expect(m.rowsRead).toBeGreaterThan(0);
  });

  it("never runs a write twice: a write through raw() is counted as unmetered", async () => {
    expect(await meter("/raw-write")).toMatchObject({ statements: 1, rowsWritten: 0, reruns: 0, unmetered: 1 });
    const { results } = await env.DB.prepare("SELECT display_name FROM users WHERE id = 'meter-2'").all();
    expect(results).toEqual([{ display_name: "Renamed" }]);
  });

  it("reports nothing for a request that does not touch D1", async () => {
    const ctx = createExecutionContext();
    const res = await metered({ fetch: () => new Response("none") }).fetch(new Request("https://bench.test/"), env, ctx);
    expect(JSON.parse(res.headers.get(METER_HEADER)!)).toEqual({ statements: 0, rowsRead: 0, rowsWritten: 0, reruns: 0, unmetered: 0 });
  });
});
