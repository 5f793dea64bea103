import type { RateLimitDecision, RateLimitTier } from "./rate-limiter";

/**
 * Reads admitted per identity on this isolate's last known count while their own counts are still
 * on their way to Upstash. It bounds over-admission: reads beyond the global limit are at most this
 * many per identity per isolate (reads in flight when other isolates spend the rest of the budget).
 */
export const MAX_READS_IN_FLIGHT = 16;
const MAX_IDENTITIES = 10_000;

interface Known {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: number;
  inFlight: number;
}

/**
 * Takes the rate limiter off a read's critical path. An identity this isolate has seen recently is
 * answered from what Upstash last said about it: while its known budget covers the reads already in
 * flight, the read is admitted at once and counted in the background (`waitUntil`); once Upstash has
 * said it is over its limit, it is refused here until the window resets, with no round trip. An
 * identity seen for the first time, or whose known budget is used up, waits for Upstash as writes
 * always do. Build one per isolate (its knowledge is the isolate's).
 */
export class ReadAdmission {
  private readonly known = new Map<string, Known>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The decision for a read. `count` runs the real count (and logs what it needs to); `background`
   * receives it when the read does not wait for it.
   */
  async admit(
    tier: RateLimitTier,
    identity: string,
    count: () => Promise<RateLimitDecision>,
    background: (work: Promise<unknown>) => void,
  ): Promise<RateLimitDecision> {
    const key = `${tier}:${identity}`;
    const entry = this.known.get(key);
    const now = this.now();
    if (entry && !entry.allowed && entry.resetAt > now) {
      return { allowed: false, limit: entry.limit, remaining: 0, resetAt: entry.resetAt };
    }
    if (entry && entry.allowed && entry.remaining - entry.inFlight > 0 && entry.inFlight < MAX_READS_IN_FLIGHT) {
      entry.inFlight++;
      const estimate = { allowed: true, limit: entry.limit, remaining: entry.remaining - entry.inFlight, resetAt: entry.resetAt };
      background(this.record(key, count()).finally(() => entry.inFlight--));
      return estimate;
    }
    return this.record(key, count());
  }

  /** What Upstash said (or the local fallback, when it could not say) becomes this isolate's knowledge. */
  private async record(key: string, decision: Promise<RateLimitDecision>): Promise<RateLimitDecision> {
    const d = await decision;
    const entry = this.known.get(key);
    if (entry) {
      this.known.delete(key); // re-inserted below: Map order is least recently used first
      Object.assign(entry, { allowed: d.allowed, limit: d.limit, remaining: d.remaining, resetAt: d.resetAt });
      this.known.set(key, entry);
    } else {
      this.known.set(key, { allowed: d.allowed, limit: d.limit, remaining: d.remaining, resetAt: d.resetAt, inFlight: 0 });
      if (this.known.size > MAX_IDENTITIES) this.known.delete(this.known.keys().next().value as string);
    }
    return d;
  }
}
