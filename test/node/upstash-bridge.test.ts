import { createHash } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBridge } from "../../scripts/upstash-bridge.mjs";
import { startRedisServer } from "../setup/redis-server";
import { b64, type Bridge, call, type RedisServer, TOKEN } from "./bridge-http";

// What Upstash's REST API answers, from the bridge in front of a private redis-server: the request
// forms, reply shapes and encodings, exact integers, Upstash's Lua dialect, and the real clients.
// Refusals, limits, timeouts and event streams: upstash-bridge-guards.test.ts.

let redis: RedisServer;
let bridge: Bridge;
let client: Redis;
const raw = (path: string, body?: unknown, headers: Record<string, string> = {}) => call(bridge, path, body, { headers });
const enc = { "Upstash-Encoding": "base64" };
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

beforeAll(async () => {
  redis = await startRedisServer();
  bridge = await startBridge({ redisUrl: redis.url, token: TOKEN });
  client = new Redis({ url: bridge.url, token: TOKEN, enableTelemetry: false });
});
afterAll(async () => {
  await bridge?.close();
  await redis?.stop();
});

describe("Upstash REST bridge: request forms", () => {
  it("runs one command from a JSON array and answers {result}", async () => {
    expect((await raw("/", ["SET", "p:1", "value"])).body).toEqual({ result: "OK" });
    expect((await raw("/", ["GET", "p:1"])).body).toEqual({ result: "value" });
    expect((await raw("/", ["GET", "p:missing"])).body).toEqual({ result: null });
    expect(await raw("/", ["INCRBY", "p:n", 5])).toMatchObject({ status: 200, body: { result: 5 } });
  });

  it("answers a Redis error as 400 {error}", async () => {
    await raw("/", ["SET", "p:str", "x"]);
    const res = await raw("/", ["LPUSH", "p:str", "y"]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^WRONGTYPE/);
  });

  it("runs a pipeline and reports errors per entry", async () => {
    const res = await raw("/pipeline", [["SET", "p:pipe", "1"], ["LPUSH", "p:pipe", "x"], ["INCR", "p:pipe"]]);
    expect(res.status).toBe(200);
    expect(res.body[0]).toEqual({ result: "OK" });
    expect(res.body[1].error).toMatch(/^WRONGTYPE/);
    expect(res.body[2]).toEqual({ result: 2 });
  });

  it("runs multi-exec atomically; a command Redis will not queue discards it all with one error", async () => {
    const res = await raw("/multi-exec", [["SET", "p:tx", "10"], ["INCRBY", "p:tx", 5], ["GET", "p:tx"]]);
    expect(res).toMatchObject({ status: 200, body: [{ result: "OK" }, { result: 15 }, { result: "15" }] });
    const aborted = await raw("/multi-exec", [["SET", "p:tx2", "1"], ["NOT_A_COMMAND"]]);
    expect(aborted.status).toBe(400);
    expect(aborted.body).toEqual({ error: expect.stringMatching(/^ERR unknown command 'NOT_A_COMMAND'/) });
    expect((await raw("/", ["GET", "p:tx2"])).body.result).toBeNull();
  });

  it("takes the command in the path, a POST body as its last argument (bytes as sent) and query options after it", async () => {
    expect((await call(bridge, "/set/p:path/hello", undefined, { method: "GET" })).body).toEqual({ result: "OK" });
    expect((await call(bridge, "/GET/p:path", undefined, { method: "GET" })).body).toEqual({ result: "hello" });
    const bytes = new Uint8Array([0xff, 0x00, 0x41, 0x0a]);
    expect((await call(bridge, "/set/p:bin?EX=100", bytes)).body).toEqual({ result: "OK" });
    expect((await raw("/get/p:bin", undefined, enc)).body).toEqual({ result: Buffer.from(bytes).toString("base64") });
    const ttl = (await raw("/ttl/p:bin")).body.result;
    expect(ttl).toBeGreaterThan(90);
    expect(ttl).toBeLessThanOrEqual(100);
    expect((await raw(`/set/${encodeURIComponent("p:a/b c")}/x`)).body).toEqual({ result: "OK" });
    expect((await raw("/exists/p%3Aa%2Fb%20c")).body).toEqual({ result: 1 });
  });

  it("accepts the token as Authorization: Bearer or as the _token query parameter; anything else is Upstash's 401", async () => {
    expect((await call(bridge, `/ping?_token=${TOKEN}`, undefined, { method: "GET", auth: false })).body).toEqual({ result: "PONG" });
    expect((await call(bridge, "/", ["PING"], { auth: false, headers: { Authorization: `bearer ${TOKEN}` } })).status).toBe(200);
    for (const attempt of [
      { auth: false },
      { auth: false, headers: { Authorization: "Bearer wrong" } },
      { auth: false, headers: { Authorization: `Basic ${TOKEN}` } },
    ]) {
      const res = await call(bridge, "/", ["SET", "p:auth", "x"], attempt);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: "WRONGPASS invalid or missing auth token" });
    }
    expect((await call(bridge, "/set/p:auth/x?_token=wrong", undefined, { auth: false })).status).toBe(401);
    expect((await raw("/", ["EXISTS", "p:auth"])).body.result).toBe(0);
  });

  it("allows HEAD, GET, POST and PUT only", async () => {
    const head = await call(bridge, "/ping", undefined, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect((await call(bridge, "/", ["PING"], { method: "PUT" })).body).toEqual({ result: "PONG" });
    const del = await call(bridge, "/del/k", undefined, { method: "DELETE" });
    expect(del.status).toBe(405);
    expect(typeof del.body.error).toBe("string");
  });

  it("serves Upstash-Response-Format json only, refusing the others with a 400", async () => {
    expect((await raw("/", ["PING"], { "Upstash-Response-Format": "json" })).body).toEqual({ result: "PONG" });
    for (const format of ["resp2", "xml"]) {
      const res = await raw("/", ["PING"], { "Upstash-Response-Format": format });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/^ERR /);
    }
  });

  it("sends a fresh upstash-sync-token with every answer and accepts one on requests (read-your-writes)", async () => {
    const first = await raw("/", ["SET", "p:ryw", "1"]);
    const token = first.headers.get("upstash-sync-token");
    expect(token).toBeTruthy();
    const second = await raw("/", ["GET", "p:ryw"], { "upstash-sync-token": token! });
    expect(second.body).toEqual({ result: "1" });
    expect(second.headers.get("upstash-sync-token")).not.toBe(token);
    const ryw = new Redis({ url: bridge.url, token: TOKEN, enableTelemetry: false, readYourWrites: true });
    await ryw.set("p:ryw2", "v");
    const after = ryw.readYourWritesSyncToken;
    expect(after).toBeTruthy();
    expect(await ryw.get("p:ryw2")).toBe("v");
    expect(ryw.readYourWritesSyncToken).not.toBe(after);
  });

  it.each([
    ["not JSON", "/", "{nope"],
    ["an empty command", "/", []],
    ["an object", "/", { cmd: "GET" }],
    ["a nested argument", "/", ["SET", "k", { a: 1 }]],
    ["a null argument", "/", ["SET", "k", null]],
    ["a pipeline of non-arrays", "/pipeline", ["GET", "k"]],
    ["an empty pipeline", "/pipeline", []],
    ["an empty transaction", "/multi-exec", []],
  ])("answers 400 {error} to %s", async (_what, path, body) => {
    const res = await raw(path, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringMatching(/^ERR /) });
  });
});

describe("Upstash REST bridge: replies as Upstash shapes them (RESP2)", () => {
  it("gives ZRANGE WITHSCORES, HRANDFIELD WITHVALUES and HGETALL as flat arrays, scores as strings", async () => {
    await raw("/", ["ZADD", "r:z", 1.5, "a", 2, "b"]);
    expect((await raw("/", ["zrange", "r:z", 0, -1, "withscores"])).body).toEqual({ result: ["a", "1.5", "b", "2"] });
    expect((await raw("/", ["ZSCORE", "r:z", "a"])).body).toEqual({ result: "1.5" });
    expect((await raw("/", ["ZPOPMIN", "r:none"])).body).toEqual({ result: [] });
    await raw("/", ["HSET", "r:h", "f", "1"]);
    expect((await raw("/", ["hgetall", "r:h"])).body).toEqual({ result: ["f", "1"] });
    expect((await raw("/", ["hgetall", "r:missing"])).body).toEqual({ result: [] });
    expect((await raw("/", ["hrandfield", "r:h", 1, "withvalues"])).body).toEqual({ result: ["f", "1"] });
  });

  it("gives XREAD as [[stream, [[id, [field, value]]]]]", async () => {
    await raw("/", ["XADD", "r:s", "1-1", "f", "v"]);
    expect((await raw("/", ["xread", "COUNT", 5, "STREAMS", "r:s", 0])).body).toEqual({ result: [["r:s", [["1-1", ["f", "v"]]]]] });
  });

  it("converts Lua values as RESP2 does: true is 1, false is null, tables are arrays, an error inside one is its text", async () => {
    expect((await raw("/", ["EVAL", "return true", 0])).body).toEqual({ result: 1 });
    expect((await raw("/", ["EVAL", "return false", 0])).body).toEqual({ result: null });
    expect((await raw("/", ["EVAL", "return {1, 'x', {2, 'y'}}", 0])).body).toEqual({ result: [1, "x", [2, "y"]] });
    expect((await raw("/", ["EVAL", "return {1, {err='inner'}}", 0])).body).toEqual({ result: [1, "inner"] });
  });

  it("base64-encodes every string (nested too) with Upstash-Encoding, leaving numbers, null and a top-level OK", async () => {
    expect((await raw("/", ["SET", "r:utf", "héllo ✓"], enc)).body).toEqual({ result: "OK" });
    expect((await raw("/", ["GET", "r:utf"], enc)).body).toEqual({ result: b64("héllo ✓") });
    await raw("/", ["RPUSH", "r:list", "a", "b"]);
    expect((await raw("/", ["LRANGE", "r:list", 0, -1], enc)).body).toEqual({ result: [b64("a"), b64("b")] });
    expect((await raw("/", ["LLEN", "r:list"], enc)).body).toEqual({ result: 2 });
    expect((await raw("/", ["GET", "r:none"], enc)).body).toEqual({ result: null });
    expect((await raw("/", ["PING"], enc)).body).toEqual({ result: b64("PONG") });
    expect((await raw("/pipeline", [["SET", "r:p", "1"], ["GET", "r:p"]], enc)).body).toEqual([{ result: "OK" }, { result: b64("1") }]);
    expect((await raw("/multi-exec", [["SET", "r:p", "2"]], enc)).body).toEqual([{ result: "OK" }]);
  });

  it("encodes an OK inside an array like any other string, so the client decodes it back to OK", async () => {
    const script = "return {redis.call('SET', KEYS[1], 'v'), 'OK', 'x'}";
    expect((await raw("/", ["EVAL", script, 1, "r:ok"], enc)).body).toEqual({ result: [b64("OK"), b64("OK"), b64("x")] });
    expect(await client.eval(script, ["r:ok"], [])).toEqual(["OK", "OK", "x"]);
  });

  it("replaces bytes that are not UTF-8 without the encoding, and returns them exactly with it", async () => {
    await call(bridge, "/set/r:bytes", new Uint8Array([0x61, 0xff, 0x62]));
    expect((await raw("/", ["GET", "r:bytes"])).body).toEqual({ result: "a\uFFFDb" });
    expect((await raw("/", ["GET", "r:bytes"], enc)).body).toEqual({ result: Buffer.from([0x61, 0xff, 0x62]).toString("base64") });
  });
});

describe("Upstash REST bridge: exact integers", () => {
  it("answers 64-bit integers with every digit", async () => {
    const set = await raw("/", ["INCRBY", "i:big", "9223372036854775806"]);
    expect(set.text).toBe('{"result":9223372036854775806}');
    expect((await raw("/", ["INCR", "i:big"])).text).toBe('{"result":9223372036854775807}');
    expect((await raw("/pipeline", [["DECRBY", "i:big", "9223372036854775807"], ["DECR", "i:big"]])).text).toBe(
      '[{"result":0},{"result":-1}]',
    );
    expect((await raw("/multi-exec", [["INCRBY", "i:tx", "-9223372036854775808"]])).text).toBe('[{"result":-9223372036854775808}]');
  });

  it("passes a JSON number on exactly as written, past 2^53 too", async () => {
    expect((await raw("/", '["SET","i:exact",9007199254740993]')).body).toEqual({ result: "OK" });
    expect((await raw("/", ["GET", "i:exact"])).body).toEqual({ result: "9007199254740993" });
    expect((await raw("/", '["INCRBY","i:n",9007199254740993]')).text).toBe('{"result":9007199254740993}');
    expect((await raw("/", '["SET","i:f",1.50]')).body).toEqual({ result: "OK" });
    expect((await raw("/", ["GET", "i:f"])).body).toEqual({ result: "1.50" });
  });
});

describe("Upstash REST bridge: Lua, in Upstash's dialect", () => {
  // Upstash accepts shebang flags Redis rejects; @upstash/ratelimit sends allow-key-locking.
  const script = "#!lua flags=allow-key-locking\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])";
  const sha = sha1(script);

  it("EVALSHA of an unknown script is NOSCRIPT; EVAL runs it; then EVALSHA with the client's SHA works", async () => {
    const first = await raw("/", ["EVALSHA", sha, 1, "lua:k", 2]);
    expect(first.status).toBe(400);
    expect(first.body.error).toMatch(/^NOSCRIPT/);
    expect((await raw("/", ["EVAL", script, 1, "lua:k", 2])).body).toEqual({ result: 2 });
    expect((await raw("/", ["evalsha", sha, 1, "lua:k", 3])).body).toEqual({ result: 5 });
  });

  it("SCRIPT LOAD returns the SHA of the script as sent; SCRIPT EXISTS knows that SHA until SCRIPT FLUSH", async () => {
    const other = "#!lua flags=allow-key-locking,no-writes\nreturn 7";
    const otherSha = sha1(other);
    expect((await raw("/", ["SCRIPT", "EXISTS", otherSha, sha1("never loaded")])).body).toEqual({ result: [0, 0] });
    expect((await raw("/", ["script", "load", other])).body).toEqual({ result: otherSha });
    expect((await raw("/", ["EVALSHA", otherSha, 0])).body).toEqual({ result: 7 });
    expect((await raw("/", ["Script", "Exists", otherSha, sha, sha1("never loaded")])).body).toEqual({ result: [1, 1, 0] });
    expect(await client.scriptExists(otherSha)).toEqual([1]);
    expect((await raw("/", ["SCRIPT", "FLUSH"])).body).toEqual({ result: "OK" });
    expect((await raw("/", ["SCRIPT", "EXISTS", otherSha])).body).toEqual({ result: [0] });
    expect((await raw("/", ["EVALSHA", otherSha, 0])).body.error).toMatch(/^NOSCRIPT/);
  });

  it("runs flagged scripts read-only with EVAL_RO / EVALSHA_RO; a write inside fails as Redis fails it", async () => {
    const read = "#!lua flags=allow-key-locking\nreturn redis.call('GET', KEYS[1])";
    const write = "#!lua flags=allow-key-locking\nreturn redis.call('DEL', KEYS[1])";
    await raw("/", ["SET", "lua:ro", "kept"]);
    expect((await raw("/", ["EVAL_RO", read, 1, "lua:ro"])).body).toEqual({ result: "kept" });
    expect((await raw("/", ["evalsha_ro", sha1(read), 1, "lua:ro"])).body).toEqual({ result: "kept" });
    const denied = await raw("/", ["EVAL_RO", write, 1, "lua:ro"]);
    expect(denied.status).toBe(400);
    expect(denied.body.error).toMatch(/^ERR Write commands are not allowed from read-only scripts/);
    expect((await raw("/", ["GET", "lua:ro"])).body).toEqual({ result: "kept" });
    // Loaded for EVAL (the writable variant), then called read-only, and the other way round.
    const both = "#!lua\nreturn redis.call('EXISTS', KEYS[1])";
    expect((await raw("/", ["EVAL", both, 1, "lua:ro"])).body).toEqual({ result: 1 });
    expect((await raw("/", ["EVALSHA_RO", sha1(both), 1, "lua:ro"])).body).toEqual({ result: 1 });
    const roFirst = "#!lua flags=allow-key-locking\nreturn 'ro first'";
    expect((await raw("/", ["EVAL_RO", roFirst, 0])).body).toEqual({ result: "ro first" });
    expect((await raw("/", ["SCRIPT", "EXISTS", sha1(roFirst)])).body).toEqual({ result: [1] });
    expect((await raw("/", ["EVALSHA", sha1(roFirst), 0])).body).toEqual({ result: "ro first" });
  });

  it("serves @upstash/redis scripts, read-only ones included, and flagged scripts inside pipelines and transactions", async () => {
    const counter = client.createScript<number>(script);
    expect(await counter.exec(["lua:c"], ["4"])).toBe(4);
    const reader = client.createScript<string>("#!lua flags=allow-key-locking\nreturn redis.call('GET', KEYS[1])", { readonly: true });
    expect(await reader.exec(["lua:c"], [])).toBe(4);
    const tx = client.multi();
    tx.evalsha(sha, ["lua:c"], ["1"]);
    tx.evalRo("#!lua flags=allow-key-locking\nreturn redis.call('GET', KEYS[1])", ["lua:c"], []);
    expect(await tx.exec()).toEqual([5, 5]);
  });
});

describe("Upstash REST bridge: round trip through the real clients", () => {
  it("serves @upstash/redis for the commands the project uses", async () => {
    expect(await client.set("rt:str", "text")).toBe("OK");
    expect(await client.get("rt:str")).toBe("text");
    expect(await client.set("rt:json", { a: 1 })).toBe("OK");
    expect(await client.get("rt:json")).toEqual({ a: 1 });
    expect(await client.incr("rt:n")).toBe(1);
    expect(await client.pexpire("rt:n", 60_000)).toBe(1);
    expect(await client.pttl("rt:n")).toBeGreaterThan(0);
    expect(await client.del("rt:str", "rt:json")).toBe(2);
    const p = client.pipeline();
    p.incr("rt:p");
    p.get("rt:p");
    expect(await p.exec()).toEqual([1, 1]);
    const tx = client.multi();
    tx.incr("rt:t");
    tx.incr("rt:t");
    expect(await tx.exec()).toEqual([1, 2]);
  });

  it("gives @upstash/redis the shapes it parses: hashes, scored ranges, streams", async () => {
    await client.hset("rt:h", { a: 1, b: "two" });
    expect(await client.hgetall("rt:h")).toEqual({ a: 1, b: "two" });
    expect(await client.hgetall("rt:none")).toBeNull();
    await client.zadd("rt:z", { score: 1.5, member: "x" }, { score: 3, member: "y" });
    expect(await client.zrange("rt:z", 0, -1, { withScores: true })).toEqual(["x", 1.5, "y", 3]);
    const id = await client.xadd("rt:s", "*", { f: "v" });
    expect(await client.xrange("rt:s", "-", "+")).toEqual({ [id]: { f: "v" } });
  });

  it("serves @upstash/ratelimit's sliding window with exact counts", async () => {
    const limiter = new Ratelimit({ redis: client, limiter: Ratelimit.slidingWindow(3, "60 s"), prefix: "rt:rl", analytics: false });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit("someone"));
    expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect((await limiter.limit("someone-else")).success).toBe(true);
  });
});
