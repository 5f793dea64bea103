// /subscribe, /psubscribe and /monitor as server-sent events, as Upstash serves them: one `data:`
// event per Redis push, `subscribe,<channel>,<count>`, `message,<channel>,<message>`,
// `psubscribe,<pattern>,<count>`, `pmessage,<pattern>,<channel>,<message>`, and for MONITOR
// `"OK"` then one line per command. Each stream has its own Redis connection (subscriber and
// monitor modes would take over the shared one), closed when the caller goes away; how many may be
// open at once is bounded.
import { HttpError } from "./errors.mjs";

/** One SSE event; a line break inside the data continues it on another `data:` line (SSE rules). */
const event = (text) => `${text.split(/\r\n|\r|\n/).map((line) => `data: ${line}`).join("\n")}\n\n`;

export class Streams {
  /** @type {Set<() => void>} */
  #open = new Set();

  /** @param {{ redis: import("ioredis").Redis, max: number }} options */
  constructor({ redis, max }) {
    this.redis = redis;
    this.max = max;
  }

  /**
   * Answers the request with an event stream of `kind` ("subscribe" | "psubscribe" | "monitor").
   * @param {string[]} targets channels or patterns
   */
  async open(kind, targets, res, headers) {
    if (kind !== "monitor" && targets.length === 0) throw new HttpError(400, `ERR wrong number of arguments for '${kind}' command`);
    if (this.#open.size >= this.max) throw new HttpError(400, "ERR max concurrent connections exceeded");
    const noRetry = { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null };
    /** @type {import("ioredis").Redis} */
    let conn;
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      this.#open.delete(close);
      conn?.disconnect();
      if (!res.writableEnded) res.end();
    };
    this.#open.add(close);
    res.on("close", close);
    try {
      if (kind === "monitor") {
        conn = await this.redis.duplicate(noRetry).monitor();
      } else {
        conn = this.redis.duplicate(noRetry);
        await conn.connect();
      }
    } catch (err) {
      close();
      throw err;
    }
    // The caller left, or the request's deadline answered it, while the connection was opening.
    if (closed || res.headersSent) return close();
    conn.on("end", close);
    conn.on("error", close);
    res.writeHead(200, { ...headers, "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const send = (text) => !closed && res.write(event(text));
    if (kind === "monitor") {
      send('"OK"');
      // ioredis parses the line; putting it back together gives Redis's text (only \" was unescaped).
      conn.on("monitor", (time, args, source, db) =>
        send(`${time} [${db} ${source}] ${args.map((a) => `"${a.replace(/"/g, '\\"')}"`).join(" ")}`),
      );
      return;
    }
    if (kind === "subscribe") conn.on("messageBuffer", (channel, message) => send(`message,${channel},${message}`));
    else conn.on("pmessageBuffer", (pattern, channel, message) => send(`pmessage,${pattern},${channel},${message}`));
    try {
      for (const target of targets) send(`${kind},${target},${await conn[kind](target)}`);
    } catch {
      close();
    }
  }

  /** How many streams are open. */
  get size() {
    return this.#open.size;
  }

  closeAll() {
    for (const close of [...this.#open]) close();
  }
}
