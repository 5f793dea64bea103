import { Redis } from "@upstash/redis";
import IORedis from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBridge } from "../../scripts/upstash-bridge.mjs";
import { startRedisServer } from "../setup/redis-server";
import { type Bridge, call, openEvents, postChunked, type RedisServer, sendPartialBody, TOKEN } from "./bridge-http";

// No caller can corrupt or stall the bridge: connection-state, blocking and server-control commands
// are refused with Upstash's error shape, bodies and replies are size-limited with Upstash's text,
// every request is answered within the deadline, and subscriptions get their own connections.

const LIMIT = 10 * 1024 * 1024;
const DEADLINE_MS = 1000;

let redis: RedisServer;
let bridge: Bridge;
/** The same Redis behind a bridge with a short deadline. */
let quick: Bridge;
/** A direct connection, to look at the server without the bridge. */
let direct: IORedis;
const raw = (path: string, body?: unknown) => call(bridge, path, body);

beforeAll(async () => {
  redis = await startRedisServer();
  bridge = await startBridge({ redisUrl: redis.url, token: TOKEN });
  quick = await startBridge({ redisUrl: redis.url, token: TOKEN, requestTimeoutMs: DEADLINE_MS });
  direct = new IORedis(redis.url, { protocol: 2 });
});
afterAll(async () => {
  direct?.disconnect();
  await quick?.close();
  await bridge?.close();
  await redis?.stop();
});

const unavailable = (name: string) => ({ error: `ERR Command is not available: '${name}'` });

describe("Upstash REST bridge: commands that would change or hold its connection are refused", () => {
  it.each([
    [["MULTI"], "MULTI"],
    [["exec"], "EXEC"],
    [["Discard"], "DISCARD"],
    [["WATCH", "k"], "WATCH"],
    [["UNWATCH"], "UNWATCH"],
    [["select", 1], "SELECT"],
    [["HELLO", 3], "HELLO"],
    [["AUTH", "x"], "AUTH"],
    [["CLIENT", "REPLY", "OFF"], "CLIENT"],
    [["client", "setname", "x"], "CLIENT"],
    [["RESET"], "RESET"],
    [["QUIT"], "QUIT"],
    [["READONLY"], "READONLY"],
    [["SUBSCRIBE", "c"], "SUBSCRIBE"],
    [["psubscribe", "c*"], "PSUBSCRIBE"],
    [["SSUBSCRIBE", "c"], "SSUBSCRIBE"],
    [["UNSUBSCRIBE"], "UNSUBSCRIBE"],
    [["MONITOR"], "MONITOR"],
    [["BLPOP", "l", 0], "BLPOP"],
    [["brpop", "l", 0], "BRPOP"],
    [["BRPOPLPUSH", "a", "b", 0], "BRPOPLPUSH"],
    [["BLMOVE", "a", "b", "LEFT", "LEFT", 0], "BLMOVE"],
    [["BLMPOP", 0, 1, "l", "LEFT"], "BLMPOP"],
    [["BZPOPMIN", "z", 0], "BZPOPMIN"],
    [["BZMPOP", 0, 1, "z", "MIN"], "BZMPOP"],
    [["WAIT", 1, 0], "WAIT"],
    [["xread", "block", 0, "streams", "s", "$"], "XREAD BLOCK"],
    [["XREADGROUP", "GROUP", "g", "c", "COUNT", 1, "BLOCK", 0, "STREAMS", "s", ">"], "XREADGROUP BLOCK"],
    [["SCRIPT", "debug", "yes"], "SCRIPT DEBUG"],
    [["SHUTDOWN", "NOSAVE"], "SHUTDOWN"],
    [["DEBUG", "SLEEP", 5], "DEBUG"],
    [["REPLICAOF", "127.0.0.1", 1], "REPLICAOF"],
    [["SYNC"], "SYNC"],
    [["CLUSTER", "INFO"], "CLUSTER"],
    [["MODULE", "LIST"], "MODULE"],
  ])("refuses %j at once with Upstash's error", async (command, name) => {
    const started = Date.now();
    const res = await raw("/", command);
    expect(res).toMatchObject({ status: 400, body: unavailable(name) });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("is unaffected after them: same database, RESP2 replies, every reply answered, not in a transaction", async () => {
    expect((await raw("/", ["SET", "g:db0", "here"])).body).toEqual({ result: "OK" });
    for (const command of [["SELECT", 1], ["HELLO", 3], ["CLIENT", "REPLY", "OFF"], ["MULTI"], ["SUBSCRIBE", "c"], ["MONITOR"]]) {
      await raw("/", command);
    }
    expect((await raw("/", ["GET", "g:db0"])).body).toEqual({ result: "here" });
    expect((await raw("/", ["SET", "g:after", "1"])).body).toEqual({ result: "OK" });
    await raw("/", ["ZADD", "g:z", 1, "m"]);
    expect((await raw("/", ["ZRANGE", "g:z", 0, -1, "WITHSCORES"])).body).toEqual({ result: ["m", "1"] });
    expect((await raw("/multi-exec", [["INCR", "g:n"], ["INCR", "g:n"]])).body).toEqual([{ result: 1 }, { result: 2 }]);
    // The shared connection never left database 0 or RESP2 (CLIENT LIST as the server sees it).
    const clients = String(await direct.call("CLIENT", "LIST"));
    const others = clients.split("\n").filter((line) => line && !line.includes("cmd=client|list"));
    expect(others.length).toBeGreaterThan(0);
    for (const line of others) expect(line).toMatch(/ db=0 .* resp=2/);
  });

  it("refuses them inside a pipeline per entry and runs the rest", async () => {
    const res = await raw("/pipeline", [["SET", "g:p", "1"], ["SELECT", 1], ["BLPOP", "l", 0], ["GET", "g:p"]]);
    expect(res.body).toEqual([{ result: "OK" }, unavailable("SELECT"), unavailable("BLPOP"), { result: "1" }]);
  });

  it("discards a whole /multi-exec that contains one, writing nothing", async () => {
    for (const inner of [["MULTI"], ["EXEC"], ["WATCH", "g:tx"], ["DISCARD"], ["SUBSCRIBE", "c"]]) {
      const res = await raw("/multi-exec", [["SET", "g:tx", "1"], inner]);
      expect(res).toMatchObject({ status: 400, body: unavailable(String(inner[0])) });
    }
    expect((await raw("/", ["EXISTS", "g:tx"])).body).toEqual({ result: 0 });
  });

  it("reads streams without BLOCK, a consumer group named BLOCK included", async () => {
    await raw("/", ["XADD", "g:s", "1-1", "f", "v"]);
    await raw("/", ["XGROUP", "CREATE", "g:s", "BLOCK", "0"]);
    const res = await raw("/", ["XREADGROUP", "GROUP", "BLOCK", "c1", "COUNT", 1, "STREAMS", "g:s", ">"]);
    expect(res.body).toEqual({ result: [["g:s", [["1-1", ["f", "v"]]]]] });
  });
});

describe("Upstash REST bridge: request and reply size", () => {
  const setBody = (total: number) => {
    const head = '["SET","g:big","';
    const tail = '"]';
    return head + "x".repeat(total - head.length - tail.length) + tail;
  };

  it("takes a body of exactly 10 MiB and refuses one byte more with Upstash's error", async () => {
    expect((await raw("/", setBody(LIMIT))).body).toEqual({ result: "OK" });
    const over = await raw("/", setBody(LIMIT + 1));
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ error: `ERR max request size exceeded. Limit: ${LIMIT} bytes, Actual: ${LIMIT + 1} bytes` });
    expect((await raw("/", ["PING"])).body).toEqual({ result: "PONG" });
  });

  it("counts a chunked body the same way", async () => {
    const chunks = Array.from({ length: 11 }, () => Buffer.alloc(1024 * 1024, 0x20));
    const res = await postChunked(bridge, chunks);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: `ERR max request size exceeded. Limit: ${LIMIT} bytes, Actual: ${11 * 1024 * 1024} bytes` });
  });

  it("refuses a reply over the limit with the same error, as Upstash does", async () => {
    await raw("/", setBody(LIMIT));
    await raw("/", ["APPEND", "g:big", "y".repeat(100)]);
    const length = (await raw("/", ["STRLEN", "g:big"])).body.result;
    expect(length).toBeGreaterThan(LIMIT);
    expect((await raw("/", ["GET", "g:big"])).body).toEqual({ error: `ERR max request size exceeded. Limit: ${LIMIT} bytes, Actual: ${length} bytes` });
    expect((await raw("/pipeline", [["GET", "g:big"], ["STRLEN", "g:big"]])).body).toEqual([
      { error: `ERR max request size exceeded. Limit: ${LIMIT} bytes, Actual: ${length} bytes` },
      { result: length },
    ]);
    await raw("/", ["DEL", "g:big"]);
  });
});

describe("Upstash REST bridge: every request is answered within its deadline", () => {
  it("answers a script that never ends, then stops it so the next caller is served", async () => {
    await direct.call("CONFIG", "SET", "busy-reply-threshold", "100");
    try {
      const started = Date.now();
      const res = await call(quick, "/", ["EVAL", "while true do end", 0]);
      expect(res.status).toBe(504);
      expect(res.body).toEqual({ error: `ERR the request did not complete within ${DEADLINE_MS} ms` });
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1000);
      // SCRIPT KILL went out on its own connection; the shared one is answered again.
      await vi.waitFor(async () => expect((await call(quick, "/", ["PING"])).body).toEqual({ result: "PONG" }), { timeout: 5000 });
      expect((await raw("/", ["PING"])).body).toEqual({ result: "PONG" });
    } finally {
      await direct.call("CONFIG", "SET", "busy-reply-threshold", "5000");
    }
  });

  it("answers a body that stops arriving with 408 and closes that connection, serving others meanwhile", async () => {
    const started = Date.now();
    const slow = sendPartialBody(quick, 100, '["PI');
    expect((await call(quick, "/", ["PING"])).body).toEqual({ result: "PONG" });
    const { response, closed } = await slow;
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(response).toContain(`{"error":"ERR the request did not complete within ${DEADLINE_MS} ms"}`);
    expect(closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1500);
  });
});

describe("Upstash REST bridge: /subscribe, /psubscribe and /monitor as server-sent events", () => {
  const connections = async () => String(await direct.call("CLIENT", "LIST")).trim().split("\n").length;

  it("streams subscribe confirmations and messages, on a connection of its own closed with the stream", async () => {
    const before = await connections();
    const stream = await openEvents(bridge, "/subscribe/g:chat/g:news");
    expect(stream.res.headers.get("content-type")).toBe("text/event-stream");
    await stream.waitFor("subscribe,g:chat,1", "subscribe,g:news,2");
    expect(await connections()).toBe(before + 1);
    await raw("/publish/g:chat/hello");
    await raw("/", ["PUBLISH", "g:news", "line one\nline two"]);
    await stream.waitFor("message,g:chat,hello", "message,g:news,line one\nline two");
    await stream.close();
    await vi.waitFor(async () => expect(await connections()).toBe(before));
  });

  it("streams pattern messages", async () => {
    const stream = await openEvents(bridge, "/psubscribe/g:room:*");
    await stream.waitFor("psubscribe,g:room:*,1");
    expect((await raw("/", ["PUBLISH", "g:room:1", "hi"])).body).toEqual({ result: 1 });
    await stream.waitFor("pmessage,g:room:*,g:room:1,hi");
    await stream.close();
  });

  it("serves @upstash/redis subscribers", async () => {
    const client = new Redis({ url: bridge.url, token: TOKEN, enableTelemetry: false });
    const subscriber = client.subscribe<{ n: number }>(["g:events"]);
    const messages: unknown[] = [];
    subscriber.on("message", ({ message }) => messages.push(message));
    await vi.waitFor(async () => expect(await client.publish("g:events", { n: 1 })).toBe(1));
    await vi.waitFor(() => expect(messages).toContainEqual({ n: 1 }));
    await subscriber.unsubscribe();
  });

  it("streams MONITOR", async () => {
    const stream = await openEvents(bridge, "/monitor");
    await stream.waitFor('"OK"');
    await raw("/", ["SET", "g:watched", 'say "hi"']);
    await vi.waitFor(() => expect(stream.events.some((e) => /^\d+\.\d+ \[0 [^\]]+\] "SET" "g:watched" "say \\"hi\\""$/.test(e))).toBe(true));
    await stream.close();
  });

  it("bounds how many streams may be open at once", async () => {
    const small = await startBridge({ redisUrl: redis.url, token: TOKEN, maxStreams: 1 });
    try {
      const first = await openEvents(small, "/subscribe/g:one");
      await first.waitFor("subscribe,g:one,1");
      const second = await call(small, "/subscribe/g:two", "[]");
      expect(second).toMatchObject({ status: 400, body: { error: "ERR max concurrent connections exceeded" } });
      await first.close();
    } finally {
      await small.close();
    }
  });
});
