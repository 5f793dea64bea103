/** A run that callers share: what it works on, and its outcome once it has run. */
export interface SharedRun<B, R> {
  batch: B;
  result: Promise<R>;
}

const runs = new WeakMap<object, { last: Promise<unknown>; queued?: SharedRun<unknown, unknown> }>();

/**
 * Coalesces background work per isolate and `key` (a binding): one run in flight and at most one
 * queued behind it, which every caller arriving meanwhile joins (adding to its batch). Each
 * caller's work still runs after the caller asked for it, in a run that started after that;
 * concurrent callers share it instead of each paying a round trip.
 *
 * @example const run = joinRun(env.CACHE, () => crypto.randomUUID(), (g) => kv.put(KEY, g)); await run.result;
 */
export function joinRun<B, R>(key: object, create: () => B, run: (batch: B) => Promise<R>): SharedRun<B, R> {
  let state = runs.get(key);
  if (!state) runs.set(key, (state = { last: Promise.resolve() }));
  if (state.queued) return state.queued as SharedRun<B, R>;
  const s = state;
  const shared = { batch: create() } as SharedRun<B, R>;
  const start = () => {
    // Started: later callers queue a run of their own behind this one.
    if (s.queued === shared) s.queued = undefined;
    return run(shared.batch);
  };
  s.last = shared.result = s.last.then(start, start);
  s.queued = shared as SharedRun<unknown, unknown>;
  return shared;
}
