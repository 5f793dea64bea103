import { createHash } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBridge } from "../../scripts/upstash-bridge.mjs";
import { startRedisServer } from "../setup/redis-server";

let redis: Awaited<ReturnType<typeof startRedisServer>>;
let bridge: Awaited<ReturnType<typeof startBridge>>;
const token = "bridge-test-token";

beforeAll(async () => {
  redis = await startRedisServer();
  bridge = await startBridge({ redisUrl: redis.url, token });
});
afterAll(async () => {
  await bridge?.close();
  await redis?.stop();
});

const raw = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${bridge.url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("Upstash REST bridge: protocol", () => {
  it("runs one command from a JSON array and answers {result}", async () => {
    expect(await raw("/", ["SET", "p:1", "value"])).toEqual({ status: 200, body: { result: "OK" } });
    expect(await raw("/", ["GET", "p:1"])).toEqual({ status: 200, body: { result: "value" } });
    expect(await raw("/", ["GET", "p:missing"])).toEqual({ status: 200, body: { result: null } });
    expect(await raw("/", ["INCRBY", "p:n", 5])).toEqual({ status: 200, body: { result: 5 } });
  });

  it("base64-encodes strings (nested too) when asked with Upstash-Encoding, leaving OK, numbers and null", async () => {
    const enc = { "Upstash-Encoding": "base64" };
    expect((await raw("/", ["SET", "p:utf", "héllo ✓"], enc)).body).toEqual({ result: "OK" });
    expect((await raw("/", ["GET", "p:utf"], enc)).body).toEqual({ result: b64("héllo ✓") });
    await raw("/", ["RPUSH", "p:list", "a", "b"]);
    expect((await raw("/", ["LRANGE", "p:list", 0, -1], enc)).body).toEqual({ result: [b64("a"), b64("b")] });
    expect((await raw("/", ["LLEN", "p:list"], enc)).body).toEqual({ result: 2 });
    expect((await raw("/", ["GET", "p:none"], enc)).body).toEqual({ result: null });
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

  it("runs multi-exec atomically and reports per-entry results", async () => {
    const res = await raw("/multi-exec", [["SET", "p:tx", "10"], ["INCRBY", "p:tx", 5], ["GET", "p:tx"]]);
    expect(res).toEqual({ status: 200, body: [{ result: "OK" }, { result: 15 }, { result: "15" }] });
    const aborted = await raw("/multi-exec", [["SET", "p:tx2", "1"], ["NOT_A_COMMAND"]]);
    expect(aborted.status).toBe(400);
    expect((await raw("/", ["GET", "p:tx2"])).body.result).toBeNull();
  });

  it("refuses a bad token with 401 and changes nothing", async () => {
    const res = await fetch(`${bridge.url}/`, {
      method: "POST",
      headers: { Authorization: "Bearer wrong" },
      body: JSON.stringify(["SET", "p:auth", "x"]),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Unauthorized" });
    const none = await fetch(`${bridge.url}/`, { method: "POST", body: "[\"PING\"]" });
    expect(none.status).toBe(401);
    expect((await raw("/", ["EXISTS", "p:auth"])).body.result).toBe(0);
  });

  it.each([
    ["not JSON", "/", "{nope"],
    ["an empty command", "/", []],
    ["an object", "/", { cmd: "GET" }],
    ["a nested argument", "/", ["SET", "k", { a: 1 }]],
    ["a pipeline of non-arrays", "/pipeline", ["GET", "k"]],
    ["an empty pipeline", "/pipeline", []],
  ])("answers 400 to %s", async (_what, path, body) => {
    const res = await raw(path, body);
    expect(res.status).toBe(400);
    expect(typeof res.body.error).toBe("string");
  });
});

describe("Upstash REST bridge: Lua, as @upstash/ratelimit uses it", () => {
  const script = "#!lua flags=allow-key-locking\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])";
  const sha = createHash("sha1").update(script).digest("hex");

  it("EVALSHA of an unknown script is NOSCRIPT; EVAL runs it; then EVALSHA with the client's SHA works", async () => {
    const first = await raw("/", ["EVALSHA", sha, 1, "lua:k", 2]);
    expect(first.status).toBe(400);
    expect(first.body.error).toMatch(/^NOSCRIPT/);
    expect((await raw("/", ["EVAL", script, 1, "lua:k", 2])).body).toEqual({ result: 2 });
    expect((await raw("/", ["EVALSHA", sha, 1, "lua:k", 3])).body).toEqual({ result: 5 });
  });

  it("SCRIPT LOAD returns the SHA of the script as sent", async () => {
    const other = "#!lua flags=allow-key-locking,no-writes\nreturn 7";
    const otherSha = createHash("sha1").update(other).digest("hex");
    expect((await raw("/", ["SCRIPT", "LOAD", other])).body).toEqual({ result: otherSha });
    expect((await raw("/", ["EVALSHA", otherSha, 0])).body).toEqual({ result: 7 });
  });
});

describe("Upstash REST bridge: round trip through the real clients", () => {
  it("serves @upstash/redis for the commands the project uses", async () => {
    const client = new Redis({ url: bridge.url, token, enableTelemetry: false });
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

  it("serves @upstash/ratelimit's sliding window with exact counts", async () => {
    const client = new Redis({ url: bridge.url, token, enableTelemetry: false });
    const limiter = new Ratelimit({ redis: client, limiter: Ratelimit.slidingWindow(3, "60 s"), prefix: "rt:rl", analytics: false });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit("someone"));
    expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect((await limiter.limit("someone-else")).success).toBe(true);
  });
});
