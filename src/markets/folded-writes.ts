interface KeyState {
  lastWriteAt: number;
  /** A change is waiting for the write at the end of the current interval. */
  folded: boolean;
}

/** Entries kept before idle ones are dropped (a key is idle once its interval has passed). */
const MAX_KEYS = 1_000;

/**
 * KV writes to one key, at most one per interval per isolate. KV takes at most one write per
 * second to a key (more are refused with 429), yet every market write replaces the list-cache
 * generation, and every position drops its market's entry: under load most of those writes would
 * fail, and locally a KV write is the most expensive part of a create. The first change of an
 * interval writes at once; changes later in the same interval fold into one write at its end,
 * made by one of the requests that waited for it, inside that request's own `waitUntil` (never
 * I/O started on behalf of a request that has already finished).
 *
 * So a cached entry lags a change by at most one interval in this isolate, on top of KV's own
 * propagation (up to 60 s between locations); a client that must read its write sends its
 * bookmark, which bypasses the cache.
 *
 * @example waitUntil(folded.write("markets:generation:v1", () => put().then(() => true)));
 */
export class FoldedWrites {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly intervalMs = 1_000,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /**
   * Records a change of `key`; resolves once a write made after the change has finished here, or
   * has started in another request of the same interval. That request's own `waitUntil` covers its
   * write; this one does not wait on it, since a promise settled by another request's I/O may never
   * resume here once that request has finished. `write` resolves false when it failed: the next
   * change then writes at once instead of waiting out the interval.
   */
  async write(key: string, write: () => Promise<boolean>): Promise<void> {
    const state = this.state(key);
    const wait = state.lastWriteAt + this.intervalMs - this.now();
    if (wait > 0) {
      state.folded = true;
      await this.sleep(wait);
      // Another request of this interval woke first and wrote for every change folded into it.
      if (!state.folded) return;
    }
    state.folded = false;
    state.lastWriteAt = this.now();
    if (!(await write())) state.lastWriteAt = Number.NEGATIVE_INFINITY;
  }

  private state(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      if (this.keys.size >= MAX_KEYS) this.dropIdle();
      state = { lastWriteAt: Number.NEGATIVE_INFINITY, folded: false };
      this.keys.set(key, state);
    }
    return state;
  }

  private dropIdle(): void {
    const now = this.now();
    for (const [key, state] of this.keys) {
      if (!state.folded && state.lastWriteAt + this.intervalMs <= now) this.keys.delete(key);
    }
  }
}
