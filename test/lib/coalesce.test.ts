import { describe, expect, it } from "vitest";
import { joinRun } from "../../src/lib/coalesce";

/** A run whose completion the test controls, recording what it was started with and when. */
function controlledRuns() {
  const started: { batch: string[]; asked: number }[] = [];
  const finish: (() => void)[] = [];
  let asked = 0;
  const ask = () => ++asked;
  const run = (batch: string[]) => {
    started.push({ batch: [...batch], asked });
    return new Promise<string>((resolve) => finish.push(() => resolve(batch.join(","))));
  };
  return { started, finish, ask, run };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("joinRun", () => {
  it("runs one at a time: callers arriving while one is in flight share the single run queued behind it", async () => {
    const key = {};
    const { started, finish, ask, run } = controlledRuns();
    const join = (name: string) => {
      ask();
      const shared = joinRun(key, () => [] as string[], run);
      shared.batch.push(name);
      return shared;
    };

    const a = join("a");
    await tick();
    expect(started).toEqual([{ batch: ["a"], asked: 1 }]);

    const b = join("b");
    const c = join("c");
    expect(c).toBe(b); // queued, not started: joined
    await tick();
    expect(started).toHaveLength(1); // the queued run waits for the one in flight

    finish[0]!();
    expect(await a.result).toBe("a");
    await tick();
    // Started after both callers asked, with both of them in it.
    expect(started[1]).toEqual({ batch: ["b", "c"], asked: 3 });

    const d = join("d"); // b/c's run has started: d gets a run of its own, after it
    expect(d).not.toBe(b);
    finish[1]!();
    expect(await b.result).toBe("b,c");
    await tick();
    expect(started[2]).toEqual({ batch: ["d"], asked: 4 });
    finish[2]!();
    expect(await d.result).toBe("d");
  });

  it("keeps keys apart, and a failed run does not stop the next", async () => {
    const one = {};
    const other = {};
    let calls = 0;
    const failing = joinRun(one, () => 0, async () => {
      calls++;
      throw new Error("down");
    });
    const apart = joinRun(other, () => 0, async () => "other");
    expect(apart).not.toBe(failing);
    await expect(failing.result).rejects.toThrow("down");
    expect(await apart.result).toBe("other");
    const next = joinRun(one, () => 0, async () => "after");
    expect(await next.result).toBe("after");
    expect(calls).toBe(1);
  });
});
