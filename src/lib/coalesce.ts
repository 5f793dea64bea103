/** A run that callers share: what it works on, and its outcome once it has run. */
export interface SharedRun<B, R> {
  batch: B;
  result: Promise<R>;
}

/**
 * Coalesces background work per isolate: one run in flight and at most one queued behind it,
 * which every caller arriving meanwhile joins (adding to its batch). Each caller's work still runs
 * after the caller asked for it, in a run that started after that; concurrent callers share it
 * instead of each paying a round trip.
 *
 * @example const run = sends.join(() => [] as Job[], (jobs) => queue.sendBatch(jobs)); run.batch.push(job); await run.result;
 */
export class Coalescer<B, R> {
  private last: Promise<unknown> = Promise.resolve();
  private queued?: SharedRun<B, R>;

  /** The queued run (created with `create()` and run by `run` when its turn comes), to join. */
  join(create: () => B, run: (batch: B) => Promise<R>): SharedRun<B, R> {
    if (this.queued) return this.queued;
    const shared: SharedRun<B, R> = { batch: create(), result: undefined as unknown as Promise<R> };
    const start = () => {
      // Started: later callers queue a run of their own behind this one.
      if (this.queued === shared) this.queued = undefined;
      return run(shared.batch);
    };
    shared.result = this.last.then(start, start);
    this.queued = shared;
    this.last = shared.result;
    return shared;
  }
}

/**
 * One Coalescer per key object (a binding), kept as long as the key is.
 *
 * @example const sendsOf = coalescerPer<Queue, Job[], SendResult>(); sendsOf(env.INDEX_QUEUE).join(...)
 */
export function coalescerPer<K extends object, B, R>(): (key: K) => Coalescer<B, R> {
  const byKey = new WeakMap<K, Coalescer<B, R>>();
  return (key) => {
    let coalescer = byKey.get(key);
    if (!coalescer) byKey.set(key, (coalescer = new Coalescer<B, R>()));
    return coalescer;
  };
}
