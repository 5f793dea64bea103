/**
 * What the worker bundle gets for `import … from "@upstash/core-analytics"` (wrangler.toml
 * `[alias]`; the workers test project resolves it the same way). @upstash/ratelimit imports it at
 * the top of its module but only constructs it with `analytics: true`, which this API never sets
 * (src/rate-limit/upstash-rate-limiter.ts): about 6 KB minified (2 KiB gzip) of the bundle budget.
 * Should analytics ever be turned on, the limiter fails loudly at construction, not silently.
 *
 * @example new Ratelimit({ redis, limiter, analytics: false }); // never reaches this class
 */
export class Analytics {
  constructor() {
    throw new Error("@upstash/core-analytics is not bundled: Ratelimit analytics are off in this API (see wrangler.toml [alias])");
  }
}
