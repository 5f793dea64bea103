import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoTime } from "../../src/lib/iso-time";

const builtin = (ms: number) => {
  try {
    return new Date(ms).toISOString();
  } catch (err) {
    return (err as Error).name;
  }
};
const ours = (ms: number) => {
  try {
    return isoTime(ms);
  } catch (err) {
    return (err as Error).name;
  }
};

describe("isoTime", () => {
  it("writes what toISOString writes for any millisecond from 1970 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => ours(ms) === builtin(ms)),
      { numRuns: 20_000 },
    );
  });

  it("writes what toISOString writes (or fails as it fails) for anything else", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constantFrom(-1, 8.64e15, 8.64e15 + 1, Number.NaN, 0.5, -0.5)), (ms) => {
        expect(ours(ms)).toBe(builtin(ms));
      }),
      { numRuns: 20_000 },
    );
  });

  it("gets the edges of a day and of a year right", () => {
    for (const ms of [0, 999, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2025, 11, 31, 23, 59, 59, 999), Date.UTC(2026, 0, 1)]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
