import { isoTime } from "../lib/iso-time";

/** Severity of a log line. */
export type LogLevel = "debug" | "info" | "warn" | "error";

type Fields = Record<string, unknown>;

/**
 * A JSON-lines logger bound to fixed fields (e.g. the request id). Workers Logs and
 * `wrangler tail` index JSON objects, so one object per line keeps them queryable.
 *
 * @example createLogger({ requestId }).info("request", { status: 200 });
 */
export function createLogger(bound: Fields = {}) {
  const log = (level: LogLevel, msg: string, fields?: Fields): void => {
    const line = JSON.stringify({ ts: isoTime(Date.now()), level, msg, ...bound, ...fields });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    log,
    info: (msg: string, fields?: Fields) => log("info", msg, fields),
    warn: (msg: string, fields?: Fields) => log("warn", msg, fields),
    error: (msg: string, fields?: Fields) => log("error", msg, fields),
  };
}

/** Structured logger: every line is one JSON object carrying the request's fields. */
export type Logger = ReturnType<typeof createLogger>;

/**
 * Error fields worth logging: message, stack and the cause chain (drivers wrap the real
 * failure, e.g. Drizzle's "Failed query" around D1's error). Never sent to clients.
 */
export function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err) };
  const causes: string[] = [];
  for (let c = err.cause; c !== undefined && causes.length < 5; c = c instanceof Error ? c.cause : undefined) {
    causes.push(c instanceof Error ? `${c.name}: ${c.message}` : String(c));
  }
  return { error: err.message, errorName: err.name, stack: err.stack, ...(causes.length ? { causes } : {}) };
}
