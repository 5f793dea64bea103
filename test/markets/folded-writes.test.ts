import { describe, expect, it } from "vitest";
import { FoldedWrites } from "../../src/markets/folded-writes";

/** A clock and a sleep the test advances by hand. */
function manualTime() {
  let now = 10_000;
  const sleepers: { until: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: now + ms, wake })),
    /** Moves the clock and wakes every sleeper due by then, in order, letting each run. */
    async advance(ms: number) {
      now += ms;
      for (const s of sleepers.splice(0).sort((a, b) => a.until - b.until)) {
        if (s.until <= now) s.wake();
        else sleepers.push(s);
      }
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
    sleeping: () => sleepers.length,
  };
}

function recorder(results: boolean[] = []) {
  const writes: number[] = [];
  return { writes, write: (at: () => number) => async () => (writes.push(at()), results.shift() ?? true) };
}

describe("FoldedWrites", () => {
  it("writes the first change of an interval at once and folds later ones into one write at its end", async () => {
    const t = manualTime();
    const folded = new FoldedWrites(1_000, t.now, t.sleep);
    const { writes, write } = recorder();
    await folded.write("k", write(t.now));
    expect(writes).toEqual([10_000]);

    await t.advance(200);
    const later = [folded.write("k", write(t.now)), folded.write("k", write(t.now)), folded.write("k", write(t.now))];
    await t.advance(0);
    expect(writes).toHaveLength(1);
    expect(t.sleeping()).toBe(3);

    await t.advance(800);
    await Promise.all(later);
    // One write for the three changes, made when the interval ended (after every one of them).
    expect(writes).toEqual([10_000, 11_000]);
  });

  it("writes at once again after a quiet interval, and keeps keys apart", async () => {
    const t = manualTime();
    const folded = new FoldedWrites(1_000, t.now, t.sleep);
    const { writes, write } = recorder();
    await folded.write("a", write(t.now));
    await folded.write("b", write(t.now));
    expect(writes).toEqual([10_000, 10_000]);
    await t.advance(1_000);
    await folded.write("a", write(t.now));
    expect(writes).toEqual([10_000, 10_000, 11_000]);
  });

  it("does not wait out the interval after a failed write", async () => {
    const t = manualTime();
    const folded = new FoldedWrites(1_000, t.now, t.sleep);
    const { writes, write } = recorder([false, true]);
    await folded.write("k", write(t.now));
    await t.advance(10);
    await folded.write("k", write(t.now));
    expect(writes).toEqual([10_000, 10_010]);
    expect(t.sleeping()).toBe(0);
  });

  it("resolves every folded change only after the write that covers it", async () => {
    const t = manualTime();
    const folded = new FoldedWrites(1_000, t.now, t.sleep);
    const { writes, write } = recorder();
    await folded.write("k", write(t.now));
    let settled = false;
    const change = folded.write("k", write(t.now)).then(() => (settled = true));
    await t.advance(999);
    expect(settled).toBe(false);
    await t.advance(1);
    await change;
    expect(writes).toEqual([10_000, 11_000]);
  });
});
