import { type BackoffPolicy, withRetry } from "../lib/retry";

/** Where {@link UpstashEvalCommands} sends its commands, and how long it waits to retry one. */
export interface UpstashEvalOptions {
  /** The database's REST URL (UPSTASH_REDIS_REST_URL); commands are POSTed to it, one trailing slash dropped. */
  url: string;
  /** Its REST token (UPSTASH_REDIS_REST_TOKEN). */
  token: string;
  /** Wait before the one retry of a request that got no answer at all (ms, first step of the policy). */
  retryBackoff: BackoffPolicy;
}

/** Upstash answered with an error, a non-2xx status, or a body that is not `{"result": ...}`. */
export class UpstashReplyError extends Error {
  // @upstash/redis's name for the same failures, so logs read as they did.
  override readonly name = "UpstashError";
}

/**
 * EVALSHA and EVAL over Upstash's REST API, and nothing else: what @upstash/ratelimit's sliding
 * window sends (its `safeEval` tries EVALSHA and, on an error mentioning NOSCRIPT, EVAL). It stands
 * in for @upstash/redis's `Redis`, whose class carries every Redis command (about 17 KiB gzip of the
 * worker bundle) for this one call; Ratelimit still does the algorithm, the scripts, the ephemeral
 * cache and the timeout.
 *
 * The request is @upstash/redis 1.39's: POST to the base URL with `Authorization: Bearer <token>`
 * and `Content-Type: application/json`, the body a JSON command array; the reply `{"result": ...}`
 * or `{"error": "..."}` (HTTP 400 for a Redis error). A request that got no answer (fetch threw) is
 * retried once after `retryBackoff`; a reply, error or not, never is. Deliberately different:
 * - every argument is a JSON string (numbers as their digits: Redis receives strings either way);
 * - no `Upstash-Encoding: base64`, so results are plain JSON and are returned as they are, not
 *   JSON-parsed string by string (the limiter's scripts return integers);
 * - no `upstash-sync-token`: read-your-writes matters for reads, and every command here is a script
 *   that writes, which Upstash runs on the primary;
 * - an error's message is Upstash's text and the HTTP status, without the command that
 *   @upstash/redis appends: its keys name the client (IP or user) and would land in the logs;
 * - the URL is not checked here (config parses it and requires https in production).
 *
 * @example new Ratelimit({ redis: new UpstashEvalCommands(options) as unknown as Redis, limiter });
 */
export class UpstashEvalCommands {
  private readonly url: string;

  constructor(private readonly options: UpstashEvalOptions) {
    this.url = options.url.replace(/\/$/, "");
  }

  /** Runs a script Redis already has, by its SHA-1; rejects with "NOSCRIPT ..." when it has not. */
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown> {
    return this.send(["EVALSHA", sha, ...scriptArgs(keys, args)]);
  }

  /** Runs (and caches) a script sent in full. */
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown> {
    return this.send(["EVAL", script, ...scriptArgs(keys, args)]);
  }

  private async send(command: string[]): Promise<unknown> {
    const init = {
      method: "POST",
      headers: { Authorization: `Bearer ${this.options.token}`, "Content-Type": "application/json" },
      body: JSON.stringify(command),
    };
    // fetch throws only when there was no answer, so the command did not run or its reply was
    // lost; the limiter's own timeout bounds the whole call, so one short retry is all there is room for.
    const res = await withRetry(() => fetch(this.url, init), { ...this.options.retryBackoff, attempts: 2, retryable: () => true });
    return resultOf(res, command[0]!);
  }
}

const scriptArgs = (keys: string[], args: unknown[]) => [
  String(keys.length),
  ...keys,
  ...args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))),
];

async function resultOf(res: Response, command: string): Promise<unknown> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const reply = typeof body === "object" && body !== null ? (body as { result?: unknown; error?: unknown }) : {};
  if (typeof reply.error === "string") throw new UpstashReplyError(`${reply.error} (Upstash ${command}, HTTP ${res.status})`);
  if (res.ok && "result" in reply) return reply.result;
  throw new UpstashReplyError(`Upstash ${command} answered HTTP ${res.status} without a result: ${text.slice(0, 200)}`);
}
