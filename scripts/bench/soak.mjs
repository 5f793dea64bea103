// `npm run soak [-- --duration 60 --writers 12 --check]`
//
// Nothing lost, nothing doubled, under load: concurrent writers create markets and take positions
// against the API as deployed (built by wrangler, served in workerd with its local D1, KV and
// queues, loopback only), each write with an Idempotency-Key, retried on failure and often sent
// twice on purpose (at once, or again later); some first answers are abandoned by the client
// mid-flight, as after a timeout, and retried. Afterwards, with the index queue drained, it checks
// that every acknowledged create exists exactly once, that no write exists that was not
// acknowledged, that every market's volume is the sum of its positions, and that the search index
// matches D1. Writes bench/soak.json and the reliability figures in docs/consistency-and-idempotency.md.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { SignJWT } from "jose";
import { unstable_readConfig } from "wrangler";
import { ROOT, wranglerBuild } from "./build.mjs";
import { migrationStatements, prng } from "./dataset.mjs";
import { replaceMarkedSection } from "./report.mjs";
import { startWorker } from "./workerd.mjs";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    writers: { type: "string", default: "12" },
    seed: { type: "string", default: "7" },
    check: { type: "boolean", default: false },
  },
});
const DURATION_S = Number(args.duration);
const WRITERS = Number(args.writers);
const random = prng(Number(args.seed));
const log = (msg) => process.stderr.write(`[soak] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const chance = (p) => random() < p;
const pick = (list) => list[Math.floor(random() * list.length)];

export const SOAK_START = "<!-- soak:start -->";
export const SOAK_END = "<!-- soak:end -->";

const stats = { requests: 0, duplicateSends: 0, abandoned: 0, replayed: 0, replayedAfterAbandon: 0, retries: 0, serverErrors: 0, networkErrors: 0, expectedRefusals: 0, unexpected: 0 };

/** Share of keyed writes whose first answer the client gives up on, as after a timeout. */
const ABANDON_FIRST = 0.1;

/**
 * Sends one logical write until it gets an answer that is not a failure of the server or the
 * network (5xx, 429, connection error): up to 6 tries with backoff, always the same key and body.
 * With `abandonFirst`, the first try is aborted after 1-40 ms: the server may or may not have
 * committed it, and the retry must come back with the one write either way.
 */
async function sendWithRetries(url, init, abandonFirst = false) {
  for (let attempt = 1; ; attempt++) {
    stats.requests++;
    try {
      const abandon = abandonFirst && attempt === 1;
      const res = await fetch(url, abandon ? { ...init, signal: AbortSignal.timeout(1 + Math.floor(random() * 40)) } : init);
      const text = await res.text();
      if (res.headers.get("idempotent-replayed") === "true") {
        stats.replayed++;
        if (abandonFirst) stats.replayedAfterAbandon++; // the abandoned try, or a duplicate sent with it, had committed
      }
      if (res.status < 500 && res.status !== 429) return { status: res.status, json: text ? JSON.parse(text) : null };
      stats.serverErrors++;
    } catch (err) {
      if (err?.name === "TimeoutError") stats.abandoned++;
      else stats.networkErrors++;
    }
    if (attempt === 6) return { status: 0, json: null };
    stats.retries++;
    await sleep(50 * 2 ** attempt * (0.5 + random() / 2));
  }
}

const stop = mkdtempSync(path.join(os.tmpdir(), "markets-soak-"));
let server;
try {
  const config = unstable_readConfig({ config: path.join(ROOT, "wrangler.toml") }, { hideWarnings: true });
  log("building the worker as deployed");
  const { scriptPath } = wranglerBuild(path.join(stop, "build"));
  const secret = randomBytes(32).toString("base64url");
  const vars = Object.fromEntries(Object.entries(config.vars ?? {}).map(([k, v]) => [k, String(v)]));
  server = await startWorker({
    name: "soak",
    scriptPath,
    compatibilityDate: config.compatibility_date,
    bindings: { ...vars, JWT_SECRET: secret, RATE_LIMITS: "anonymous=100000000/60s,user=100000000/60s,write=100000000/60s,admin=100000000/60s" },
    d1: true,
    kvBinding: "CACHE",
    queues: config.queues,
    persistDir: path.join(stop, "data"),
  });
  const db = await server.mf.getD1Database("DB");
  const migrations = readdirSync(path.join(ROOT, "migrations"))
    .filter((f) => f.endsWith(".sql"))
    .map((name) => ({ name, sql: readFileSync(path.join(ROOT, "migrations", name), "utf8") }));
  for (const s of migrationStatements(migrations)) await db.prepare(s).run();

  const token = (sub, role) => {
    const jwt = new SignJWT({ role, name: `Soak ${sub}` }).setProtectedHeader({ alg: "HS256" }).setSubject(sub).setIssuedAt().setExpirationTime("2h");
    if (vars.JWT_ISSUER) jwt.setIssuer(vars.JWT_ISSUER);
    if (vars.JWT_AUDIENCE) jwt.setAudience(vars.JWT_AUDIENCE);
    return jwt.sign(new TextEncoder().encode(secret));
  };
  const admin = await token("soak-admin", "admin");

  // What the writers were told: per idempotency key, every id a 2xx answer named.
  const createdByKey = new Map();
  const positionByKey = new Map();
  const marketOfPosition = new Map();
  const markets = []; // { id, owner } of acknowledged creates, for positions and updates
  const deleted = new Set();
  const withInitialPosition = new Set(); // markets created with one: their first position has no id of its own in the answer

  const write = async (method, pathName, bearer, body, key, onAnswer) => {
    const init = {
      method,
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", "cf-connecting-ip": "203.0.113.9", ...(key ? { "idempotency-key": key } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    const once = () => sendWithRetries(server.url + pathName, init, Boolean(key) && chance(ABANDON_FIRST)).then(onAnswer);
    if (key && chance(0.25)) {
      stats.duplicateSends++;
      await Promise.all([once(), once()]); // the same write twice at once
    } else {
      await once();
    }
    if (key && chance(0.15)) {
      stats.duplicateSends++;
      await sleep(random() * 200);
      await once(); // and again later, as a client that never saw the first answer would
    }
  };
  const record = (map, key, id) => {
    if (!map.has(key)) map.set(key, new Set());
    map.get(key).add(id);
  };
  const expectRefusal = (a) => {
    if (a.status === 0) stats.unexpected++;
    else if (a.status >= 400) stats.expectedRefusals++;
  };

  async function writer(n) {
    const sub = `soak-writer-${n}`;
    const bearer = await token(sub, "user");
    let i = 0;
    while (performance.now() < deadline) {
      i++;
      const roll = random();
      if (roll < 0.3 || markets.length < 5) {
        const key = `m-${n}-${i}-${randomBytes(4).toString("hex")}`;
        const body = { name: `Soak market ${n}-${i}: will ${pick(["rain", "snow", "sun", "wind"])} reach ${pick(["Porto", "Oslo", "Lima", "Kyoto"])}?`, description: `writer ${n}, op ${i}` };
        if (chance(0.5)) body.initialPosition = { side: pick(["yes", "no"]), amount: 1 + Math.floor(random() * 1000) };
        await write("POST", "/api/markets", bearer, body, key, (a) => {
          if (a.status === 201) {
            record(createdByKey, key, a.json.data.id);
            if (body.initialPosition) withInitialPosition.add(a.json.data.id);
            if (!markets.some((m) => m.id === a.json.data.id)) markets.push({ id: a.json.data.id, owner: bearer });
          } else stats.unexpected++;
        });
      } else if (roll < 0.9) {
        const market = pick(markets);
        const key = `p-${n}-${i}-${randomBytes(4).toString("hex")}`;
        await write("POST", `/api/markets/${market.id}/positions`, bearer, { side: pick(["yes", "no"]), amount: 1 + Math.floor(random() * 500) }, key, (a) => {
          if (a.status === 201) {
            record(positionByKey, key, a.json.data.id);
            marketOfPosition.set(a.json.data.id, market.id);
          }
          else if (a.status === 409 || a.status === 404) stats.expectedRefusals++; // closed or deleted meanwhile
          else stats.unexpected++;
        });
      } else if (roll < 0.97) {
        const market = pick(markets);
        const change = chance(0.2) ? { status: "closed" } : { description: `edited by its creator, op ${i}` };
        await write("PATCH", `/api/markets/${market.id}`, market.owner, change, undefined, expectRefusal);
      } else {
        const market = pick(markets);
        await write("DELETE", `/api/markets/${market.id}`, admin, undefined, undefined, (a) => {
          if (a.status === 204) deleted.add(market.id);
          else expectRefusal(a);
        });
      }
    }
  }

  log(`${WRITERS} writers for ${DURATION_S} s`);
  const started = performance.now();
  const deadline = started + DURATION_S * 1000;
  await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n + 1)));
  const elapsedS = (performance.now() - started) / 1000;
  log(`${stats.requests} requests in ${elapsedS.toFixed(1)} s; waiting for the index queue to drain`);

  // Drained: every market has a vector of its current version and no vector outlives its market.
  const indexGap = async () =>
    (
      await db
        .prepare(
          `SELECT (SELECT count(*) FROM markets m LEFT JOIN market_vectors v ON v.market_id = m.id WHERE v.market_id IS NULL OR v.version <> m.search_version)
                + (SELECT count(*) FROM market_vectors v LEFT JOIN markets m ON m.id = v.market_id WHERE m.id IS NULL) AS gap`,
        )
        .first()
    ).gap;
  const drainDeadline = performance.now() + 180_000;
  let gap;
  while ((gap = await indexGap()) > 0 && performance.now() < drainDeadline) await sleep(250);

  const ids = async (sql) => new Set((await db.prepare(sql).all()).results.map((r) => r.id));
  const marketIds = await ids("SELECT id FROM markets");
  const positionIds = await ids("SELECT id FROM positions");
  // A market's initial position is written in the create's batch, at the market's own timestamp.
  const initialPositions = await ids("SELECT p.id FROM positions p JOIN markets m ON m.id = p.market_id WHERE p.created_at = m.created_at AND p.user_id = m.creator_id");
  const marketsWithInitial = await ids("SELECT DISTINCT p.market_id AS id FROM positions p JOIN markets m ON m.id = p.market_id WHERE p.created_at = m.created_at AND p.user_id = m.creator_id");
  const acknowledgedMarkets = new Set([...createdByKey.values()].flatMap((s) => [...s]));
  const acknowledgedPositions = new Set([...positionByKey.values()].flatMap((s) => [...s]));
  const soakMarkets = (await db.prepare("SELECT count(*) AS n FROM markets WHERE name LIKE 'Soak market %'").first()).n;

  const result = {
    generatedAt: new Date().toISOString(),
    settings: { durationS: DURATION_S, writers: WRITERS, seed: Number(args.seed) },
    requests: stats.requests,
    requestsPerSecond: stats.requests / elapsedS,
    duplicateSends: stats.duplicateSends,
    retries: stats.retries,
    abandoned: stats.abandoned,
    replayed: stats.replayed,
    replayedAfterAbandon: stats.replayedAfterAbandon,
    errors: { serverErrors: stats.serverErrors, networkErrors: stats.networkErrors, unanswered: stats.unexpected },
    expectedRefusals: stats.expectedRefusals,
    creates: { acknowledged: createdByKey.size, markets: acknowledgedMarkets.size, positions: acknowledgedPositions.size, deleted: deleted.size },
    // An acknowledged create that is not in D1 (and was not deleted on purpose, with its positions).
    lost:
      [...acknowledgedMarkets].filter((id) => !marketIds.has(id) && !deleted.has(id)).length +
      [...acknowledgedPositions].filter((id) => !positionIds.has(id) && !deleted.has(marketOfPosition.get(id))).length,
    // A key answered with two ids, or rows in D1 that no answer named (a write done twice).
    duplicated:
      [...createdByKey.values(), ...positionByKey.values()].filter((s) => s.size > 1).length +
      Math.max(0, soakMarkets - [...acknowledgedMarkets].filter((id) => !deleted.has(id)).length) +
      [...positionIds].filter((id) => !acknowledgedPositions.has(id) && !initialPositions.has(id)).length +
      Math.max(0, initialPositions.size - marketsWithInitial.size),
    // A create that asked for an initial position and has none (or one that did not and has one).
    initialPositionMismatches: [...acknowledgedMarkets].filter((id) => marketIds.has(id) && withInitialPosition.has(id) !== marketsWithInitial.has(id)).length,
    volumeMismatches: (
      await db.prepare("SELECT count(*) AS n FROM markets m WHERE m.volume <> (SELECT coalesce(sum(amount), 0) FROM positions p WHERE p.market_id = m.id)").first()
    ).n,
    indexMismatches: gap,
    indexFailures: (await db.prepare("SELECT count(*) AS n FROM index_failures").first()).n,
  };
  const ok = result.lost === 0 && result.duplicated === 0 && result.initialPositionMismatches === 0 && result.volumeMismatches === 0 && result.indexMismatches === 0 && result.errors.unanswered === 0;
  result.pass = ok;

  const table = [
    `Last soak run: ${result.generatedAt.slice(0, 10)}, ${WRITERS} writers for ${DURATION_S} s (seed ${result.settings.seed}), \`npm run soak\`.`,
    "",
    "| figure | value |",
    "| --- | ---: |",
    `| requests sent (retries and duplicates included) | ${result.requests.toLocaleString("en-US")} (${Math.round(result.requestsPerSecond)}/s) |`,
    `| writes sent twice on purpose | ${result.duplicateSends.toLocaleString("en-US")} |`,
    `| answers the client gave up on after 1-40 ms (then retried with the same key) | ${result.abandoned.toLocaleString("en-US")} |`,
    `| answers replayed from a stored first response (of them, retries after an abandoned try) | ${result.replayed.toLocaleString("en-US")} (${result.replayedAfterAbandon.toLocaleString("en-US")}) |`,
    `| retries after 5xx / network errors / abandoned answers | ${result.retries.toLocaleString("en-US")} (${result.errors.serverErrors} 5xx, ${result.errors.networkErrors} network, ${result.abandoned.toLocaleString("en-US")} abandoned) |`,
    `| refusals the writers expected (closed or deleted market, 409/404) | ${result.expectedRefusals.toLocaleString("en-US")} |`,
    `| acknowledged markets / positions | ${result.creates.markets.toLocaleString("en-US")} / ${result.creates.positions.toLocaleString("en-US")} |`,
    `| writes that never got an answer | ${result.errors.unanswered} |`,
    `| lost (acknowledged, not in D1) | ${result.lost} |`,
    `| duplicated (written twice, or written without an acknowledgement) | ${result.duplicated} |`,
    `| markets whose initial position is missing or unasked for | ${result.initialPositionMismatches} |`,
    `| markets whose volume is not the sum of their positions | ${result.volumeMismatches} |`,
    `| search index rows not matching D1 after the queue drained | ${result.indexMismatches} |`,
  ].join("\n");
  process.stdout.write(`\n${table}\n\n${ok ? "PASS" : "FAIL"}\n`);
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench/soak.json"), `${JSON.stringify(result, null, 2)}\n`);
  const page = path.join(ROOT, "docs/consistency-and-idempotency.md");
  writeFileSync(page, replaceMarkedSection(readFileSync(page, "utf8"), table, { start: SOAK_START, end: SOAK_END }));
  log("wrote bench/soak.json and the reliability figures in docs/consistency-and-idempotency.md");
  if (args.check && !ok) process.exitCode = 1;
} finally {
  await server?.dispose().catch(() => {});
  rmSync(stop, { recursive: true, force: true });
}
