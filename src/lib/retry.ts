/**
 * Exponential backoff with a cap and jitter. Units are the caller's (ms for calls, seconds for
 * queue message delays); `jitter` is the fraction of the delay that is random.
 */
export interface BackoffPolicy {
  base: number;
  cap: number;
  /** 0..1: the delay is drawn from [(1 - jitter) * d, d]. Below 0.5 every step is longer than the last. */
  jitter: number;
}

/**
 * The delay before retry number `attempt` (1 = the first retry): `min(cap, base * 2^(attempt-1))`,
 * less a random part of up to `jitter` of it, so clients that failed together do not retry
 * together. With jitter < 0.5 the delays strictly grow until the cap.
 *
 * @example backoffDelay(3, { base: 10, cap: 300, jitter: 0.25 }) // 30..40
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.cap, policy.base * 2 ** Math.max(0, attempt - 1));
  return exponential * (1 - policy.jitter * random());
}

/** Options of {@link withRetry}: how often, how long to wait, and which failures are worth it. */
export interface RetryOptions extends BackoffPolicy {
  /** Total tries, including the first (so 3 = two retries). */
  attempts: number;
  /** Failures for which another try may succeed; anything else is thrown at once. */
  retryable?: (err: unknown) => boolean;
  /** Told before each wait, for logging. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Outbound calls from the worker (embeddings, Vectorize, queue sends): three tries within about
 * a second. A queue message that still fails is retried by the queue with its own, longer backoff,
 * so this stays short instead of multiplying the two.
 */
export const OUTBOUND_RETRY: RetryOptions = { attempts: 3, base: 200, cap: 2000, jitter: 0.5 };

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call` until it succeeds, the error is not retryable, or the attempts are spent; waits
 * with {@link backoffDelay} (in ms) between tries. The last error is thrown unchanged.
 *
 * @example const vectors = await withRetry(() => ai.run(model, { text }), OUTBOUND_RETRY);
 */
export async function withRetry<T>(call: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const retryable = options.retryable ?? isTransientError;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (err) {
      if (attempt >= options.attempts || !retryable(err)) throw err;
      const delay = backoffDelay(attempt, options, options.random);
      options.onRetry?.(err, attempt, delay);
      await (options.sleep ?? sleepMs)(delay);
    }
  }
}

const TRANSIENT_MESSAGE =
  /\b(408|425|429|50[0-4])\b|timed? ?out|temporar|unavailable|overloaded|capacity|too many requests|rate.?limit|network|connection (lost|reset|closed|refused)|econnreset|internal error/i;

/**
 * True for failures a later try may not repeat: HTTP 408/425/429/5xx (from a `status` property or
 * the message), timeouts, network drops, capacity and rate limits. Validation errors, bad input
 * and programming errors are permanent: retrying them only delays the dead letter.
 */
export function isTransientError(err: unknown): boolean {
  const status = typeof err === "object" && err !== null && "status" in err ? Number(err.status) : NaN;
  if (Number.isInteger(status)) return status === 408 || status === 425 || status === 429 || status >= 500;
  if (err instanceof Error) return TRANSIENT_MESSAGE.test(`${err.name}: ${err.message}`);
  return false;
}
