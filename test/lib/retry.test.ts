import { describe, expect, it } from "vitest";
import { backoffDelay, isTransientError, OUTBOUND_RETRY, withRetry } from "../../src/lib/retry";

const policy = { base: 100, cap: 1000, jitter: 0.5 };

describe("backoffDelay", () => {
  it("doubles from the base up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, policy, () => 0))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it("takes away at most `jitter` of the delay, at random", () => {
    expect([1, 2, 3].map((a) => backoffDelay(a, policy, () => 1))).toEqual([50, 100, 200]);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3, policy);
      expect(d).toBeGreaterThanOrEqual(200);
      expect(d).toBeLessThanOrEqual(400);
    }
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(3, policy)));
    expect(spread.size).toBeGreaterThan(40);
  });
});

describe("withRetry", () => {
  const recorder = () => {
    const sleeps: number[] = [];
    return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
  };

  it("retries transient failures with growing waits and returns the first success", async () => {
    const { sleeps, sleep } = recorder();
    let calls = 0;
    const result = await withRetry(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw Object.assign(new Error("upstream"), { status: 503 });
        return "ok";
      },
      { attempts: 5, ...policy, sleep, random: () => 0 },
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it("stops after `attempts` and throws the last error", async () => {
    const { sleeps, sleep } = recorder();
    let calls = 0;
    const failure = withRetry(
      async () => {
        calls++;
        throw new Error(`timed out ${calls}`);
      },
      { attempts: 3, ...policy, sleep },
    );
    await expect(failure).rejects.toThrow("timed out 3");
    expect(calls).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it("does not retry a permanent failure", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw Object.assign(new Error("bad request"), { status: 400 });
        },
        { attempts: 5, ...policy, sleep: async () => {} },
      ),
    ).rejects.toThrow("bad request");
    expect(calls).toBe(1);
  });

  it("tells onRetry about each retry, and the outbound policy stays short", async () => {
    const seen: number[] = [];
    await withRetry(
      async (attempt) => {
        if (attempt === 1) throw new Error("network connection lost");
        return 1;
      },
      { ...OUTBOUND_RETRY, sleep: async () => {}, onRetry: (_, attempt) => seen.push(attempt) },
    );
    expect(seen).toEqual([1]);
    // Worst case of all waits: well under the queue's first message retry (about 10 s).
    const worst = Array.from({ length: OUTBOUND_RETRY.attempts - 1 }, (_, i) => backoffDelay(i + 1, OUTBOUND_RETRY, () => 0));
    expect(worst.reduce((a, b) => a + b, 0)).toBeLessThan(1000);
  });
});

describe("isTransientError", () => {
  it.each([
    [Object.assign(new Error("x"), { status: 429 }), true],
    [Object.assign(new Error("x"), { status: 503 }), true],
    [Object.assign(new Error("x"), { status: 408 }), true],
    [Object.assign(new Error("x"), { status: 400 }), false],
    [Object.assign(new Error("x"), { status: 404 }), false],
    [new Error("3040: Capacity temporarily exceeded"), true],
    [new Error("InferenceUpstreamError: 502 Bad Gateway"), true],
    [new Error("Network connection lost."), true],
    [new Error("The operation timed out"), true],
    [new Error("Queue send failed: Too Many Requests"), true],
    [new Error("5006: Error: oneOf at '/' not all constraints satisfied"), false],
    [new TypeError("Cannot read properties of undefined"), false],
    ["a string", false],
    [undefined, false],
  ])("%s -> %s", (err, transient) => {
    expect(isTransientError(err)).toBe(transient);
  });
});
