import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { UpstashRateLimiter } from "../../src/rate-limit/upstash-rate-limiter";
import type { BackoffPolicy } from "../../src/lib/retry";
import { UpstashEvalCommands } from "../../src/upstash/eval-commands";

afterEach(() => vi.restoreAllMocks());

const token = inject("upstashToken");
const privateUrl = inject("privateUpstashUrl");
const NO_WAIT: BackoffPolicy = { base: 0, cap: 0, jitter: 0 };
const commands = (url: string, retryBackoff = NO_WAIT, as = token) => new UpstashEvalCommands({ url, token: as, retryBackoff });

// Captured before any test spies on it, so the helpers' own requests are never recorded.
const realFetch = globalThis.fetch.bind(globalThis);

/** One command sent straight to the private bridge (Redis's view, not the transport's). */
async function redis(command: string[]): Promise<unknown> {
  const res = await realFetch(privateUrl, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(command) });
  return (await res.json<{ result: unknown }>()).result;
}

/**
 * Records every command the code under test POSTs and lets it through, except the first `drop`
 * requests, which fail as a lost connection does (fetch throws, no answer).
 */
function recordCommands(drop = 0): string[][] {
  const sent: string[][] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    sent.push(JSON.parse(String(init?.body)));
    return sent.length <= drop ? Promise.reject(new TypeError("Network connection lost.")) : realFetch(input, init);
  });
  return sent;
}

interface EchoedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

describe("UpstashEvalCommands: the limiter's Upstash REST transport", () => {
  it("POSTs Upstash's JSON command array to the base URL with the bearer token, and no other Upstash header", async () => {
    const echo = inject("echoUpstashUrl");
    const seen = (await commands(`${echo}/`).evalsha("f00d", ["k:1", "k:2"], [5, 1_700_000_000_000, "60 s", null, true])) as EchoedRequest;
    expect(seen.method).toBe("POST");
    expect(seen.path).toBe("/");
    expect(seen.body).toBe('["EVALSHA","f00d","2","k:1","k:2","5","1700000000000","60 s","null","true"]');
    expect(seen.headers).toMatchObject({ authorization: `Bearer ${token}`, "content-type": "application/json" });
    // No base64 encoding, sync token or telemetry.
    expect(Object.keys(seen.headers).filter((name) => name.startsWith("upstash"))).toEqual([]);

    // A path in the URL is kept; one trailing slash is dropped, as @upstash/redis drops it.
    const evaled = (await commands(`${echo}/db-7/`).eval("return 1", [], ["x"])) as EchoedRequest;
    expect(evaled.path).toBe("/db-7");
    expect(evaled.body).toBe('["EVAL","return 1","0","x"]');
  });

  it("returns the script's reply as Upstash's plain JSON, strings left as strings", async () => {
    expect(await commands(privateUrl).eval("return {-1, 5, ARGV[1], KEYS[1]}", ["some-key"], ["42"])).toEqual([-1, 5, "42", "some-key"]);
  });

  it("meets NOSCRIPT on a Redis that has never run the limiter's script, falls back to EVAL, and counts", async () => {
    await redis(["SCRIPT", "FLUSH"]);
    const prefix = `eval-${crypto.randomUUID().slice(0, 8)}`;
    const tier = { limit: 3, windowSeconds: 60 };
    const limiter = new UpstashRateLimiter({
      url: privateUrl,
      token,
      tiers: { anonymous: tier, user: tier, write: tier, admin: tier },
      timeoutMs: 5000,
      prefix,
    });
    const sent = recordCommands();

    const first = await limiter.limit("anonymous", "ip:203.0.113.7");
    expect(first).toMatchObject({ allowed: true, limit: 3, remaining: 2 });
    expect(first.degraded).toBeUndefined();
    expect(sent.map((c) => c[0])).toEqual(["EVALSHA", "EVAL"]);
    const sha = sent[0]![1]!;
    expect(await redis(["SCRIPT", "EXISTS", sha])).toEqual([1]);

    // Loaded now: the next count is one EVALSHA, and it adds to the same window.
    const second = await limiter.limit("anonymous", "ip:203.0.113.7");
    expect(second).toMatchObject({ allowed: true, remaining: 1 });
    expect(sent.map((c) => c[0])).toEqual(["EVALSHA", "EVAL", "EVALSHA"]);
    const keys = (await redis(["KEYS", `${prefix}:*`])) as string[];
    expect(keys).toHaveLength(1);
    expect(await redis(["GET", keys[0]!])).toBe("2");
  });

  it("throws a Redis error reply with Upstash's text and status, without retrying it", async () => {
    const sent = recordCommands();
    const failing = commands(privateUrl).eval("return redis.error_reply('ERR boom from the script')", [], []);
    await expect(failing).rejects.toThrow("ERR boom from the script (Upstash EVAL, HTTP 400)");
    await expect(failing).rejects.toMatchObject({ name: "UpstashError" });
    await expect(commands(privateUrl).evalsha("0".repeat(40), [], [])).rejects.toThrow(/^NOSCRIPT .*HTTP 400/);
    await expect(commands(privateUrl, NO_WAIT, "not-the-token").evalsha("0".repeat(40), [], [])).rejects.toThrow(/WRONGPASS.*HTTP 401/);
    expect(sent).toHaveLength(3);
  });

  it("throws when the answer is not Upstash's JSON, naming the status and the start of the body", async () => {
    // The control server answers unknown paths with an empty 404.
    const nowhere = commands(`${inject("bridgeControlUrl")}/nowhere`);
    await expect(nowhere.evalsha("0".repeat(40), [], [])).rejects.toThrow("Upstash EVALSHA answered HTTP 404 without a result: ");
  });

  it("retries a request that got no answer once, after the backoff's first step", async () => {
    const sent = recordCommands(1);
    const started = Date.now();
    expect(await commands(privateUrl, { base: 100, cap: 100, jitter: 0 }).eval("return 7", [], [])).toBe(7);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(sent.map((c) => c[0])).toEqual(["EVAL", "EVAL"]);
  });

  it("throws the second network failure: one retry, not more", async () => {
    const sent = recordCommands(3);
    await expect(commands(privateUrl).eval("return 7", [], [])).rejects.toThrow("Network connection lost.");
    expect(sent).toHaveLength(2);
  });
});
