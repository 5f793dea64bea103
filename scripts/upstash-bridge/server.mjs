// The bridge's HTTP server: Upstash's REST API in front of one shared ioredis connection that speaks
// RESP2 (Upstash's reply shapes; ioredis 6 would otherwise negotiate RESP3, whose maps, pairs and
// doubles come out differently) with integers kept as exact digits.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import Redis from "ioredis";
import { refusal, runsScript } from "./commands.mjs";
import { errorText, statusOf, tooLarge } from "./errors.mjs";
import { ScriptDialect } from "./lua.mjs";
import { errorEntry, replyJson, replySize, resultEntry } from "./reply.mjs";
import {
  authenticate,
  checkMethod,
  checkResponseFormat,
  commandFromJson,
  commandFromPath,
  commandsFromJson,
  pathSegments,
  readBody,
} from "./request.mjs";
import { Streams } from "./streams.mjs";

// ioredis reshapes the replies (and arguments) of some commands by their exact lower-case name:
// `hgetall` becomes an object, `zrange` pairs, `xread` ... Those names go to Redis upper-cased
// (same command, no reshaping); every other name goes as sent, so Redis's errors quote it as sent.
// Should ioredis stop exposing its table, every name is upper-cased. (ioredis is CommonJS: its
// extras hang off the default export, which every loader, vitest's included, resolves alike.)
const reshaping = /** @type {any} */ (Redis).Command?._transformer;
const nameFor = (name) => {
  const text = String(name);
  const reshaped = !reshaping || Object.hasOwn(reshaping.reply ?? {}, text) || Object.hasOwn(reshaping.argument ?? {}, text);
  return reshaped ? text.toUpperCase() : text;
};

/**
 * @typedef {object} BridgeOptions
 * @property {string} redisUrl
 * @property {string} token the REST token callers must present
 * @property {number} [port] 0 (the default) lets the OS pick a free one
 * @property {string} [host]
 * @property {number} [requestTimeoutMs] every request is answered within this (default 10 s)
 * @property {number} [maxRequestBytes] request body and single-reply limit (default 10 MiB, Upstash's)
 * @property {number} [maxStreams] open /subscribe, /psubscribe and /monitor streams (default 64)
 */

/**
 * Starts the bridge.
 * @param {BridgeOptions} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startBridge({
  redisUrl,
  token,
  port = 0,
  host = "127.0.0.1",
  requestTimeoutMs = 10_000,
  maxRequestBytes = 10 * 1024 * 1024,
  maxStreams = 64,
}) {
  if (!token) throw new Error("the bridge needs a token");
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    protocol: 2,
    stringNumbers: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
  });
  await redis.connect();
  // Stops an overrunning script: SCRIPT KILL must not queue behind the script it kills, and this
  // connection is open before any script runs (a busy server answers a new one's INFO with BUSY).
  const admin = redis.duplicate({ lazyConnect: true, maxRetriesPerRequest: 0, enableReadyCheck: false });
  admin.on("error", () => {}); // its failures only mean a script was not killed
  await admin.connect();
  const dialect = new ScriptDialect();
  const streams = new Streams({ redis, max: maxStreams });
  const syncPrefix = randomBytes(6).toString("base64url");
  let syncSeq = 0;

  /** Sends one (allowed) command on the shared connection; resolves to its adapted reply. */
  function send(command) {
    const adapted = dialect.adapt(command);
    if (adapted.prelude) redis.callBuffer(...adapted.prelude).catch(() => {});
    const [name, ...args] = adapted.command;
    return redis.callBuffer(nameFor(name), ...args).then(
      (value) => {
        adapted.settled();
        return adapted.reply(value);
      },
      (err) => {
        adapted.settled(err);
        throw err;
      },
    );
  }

  /** One reply as its JSON text, or Upstash's error when it is over the size limit. */
  function encode(reply, base64) {
    const size = replySize(reply, maxRequestBytes);
    if (size > maxRequestBytes) return { error: tooLarge(maxRequestBytes, replySize(reply)), status: 400 };
    return { json: replyJson(reply, base64) };
  }

  /** @returns {Promise<{ json: string } | { error: string, status: number }>} */
  async function runOne(command, base64) {
    const refused = refusal(command);
    if (refused) return { error: refused, status: 400 };
    try {
      return encode(await send(command), base64);
    } catch (err) {
      return { error: errorText(err), status: statusOf(err) };
    }
  }

  const entry = (out) => ("json" in out ? resultEntry(out.json) : errorEntry(out.error));

  /** /multi-exec: all or nothing; a refused or unqueueable command discards the whole transaction. */
  async function runTransaction(commands, base64) {
    for (const command of commands) {
      const refused = refusal(command);
      if (refused) return { status: 400, text: errorEntry(refused) };
    }
    const adapted = commands.map((command) => dialect.adapt(command));
    for (const { prelude } of adapted) if (prelude) redis.callBuffer(...prelude).catch(() => {});
    const tx = redis.multi();
    for (const { command } of adapted) tx.callBuffer(nameFor(command[0]), ...command.slice(1));
    let results;
    try {
      results = await tx.exec();
    } catch (err) {
      // EXECABORT: say which command made Redis discard it, as Upstash's single error does.
      const cause = err?.previousErrors?.[0] ?? err;
      return { status: statusOf(err), text: errorEntry(errorText(cause)) };
    }
    if (!results) return { status: 400, text: errorEntry("EXECABORT Transaction discarded") };
    const entries = results.map(([err, value], i) => {
      adapted[i].settled(err ?? undefined);
      return entry(err ? { error: errorText(err) } : encode(adapted[i].reply(value), base64));
    });
    return { status: 200, text: `[${entries.join(",")}]` };
  }

  function killScripts() {
    for (const kind of ["SCRIPT", "FUNCTION"]) admin.call(kind, "KILL").catch(() => {});
  }

  async function handle(req, res) {
    const headers = { "upstash-sync-token": `${syncPrefix}.${++syncSeq}` };
    let bodyRead = false;
    let ranScripts = false;
    const answer = (status, text) => {
      if (res.headersSent || res.writableEnded) return;
      // A body left unread cannot be followed by another request on this connection.
      res.writeHead(status, { ...headers, "content-type": "application/json", ...(bodyRead ? {} : { connection: "close" }) });
      res.end(req.method === "HEAD" ? undefined : text);
    };
    const deadline = setTimeout(() => {
      answer(bodyRead ? 504 : 408, errorEntry(`ERR the request did not complete within ${requestTimeoutMs} ms`));
      if (ranScripts) killScripts();
    }, requestTimeoutMs);
    res.on("close", () => clearTimeout(deadline));

    try {
      checkMethod(req);
      const url = new URL(req.url ?? "/", "http://bridge");
      authenticate(req, url, token);
      checkResponseFormat(req);
      const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
      const segments = pathSegments(url);
      let body;
      try {
        body = await readBody(req, maxRequestBytes);
      } finally {
        bodyRead = req.complete;
      }
      const endpoint = segments[0]?.toLowerCase();

      if (endpoint === "subscribe" || endpoint === "psubscribe" || (endpoint === "monitor" && segments.length === 1)) {
        await streams.open(endpoint, segments.slice(1), res, headers);
        return clearTimeout(deadline);
      }
      if (segments.length === 1 && endpoint === "pipeline") {
        const commands = commandsFromJson(body);
        ranScripts = commands.some(runsScript);
        const outs = await Promise.all(commands.map((command) => runOne(command, base64)));
        return answer(200, `[${outs.map(entry).join(",")}]`);
      }
      if (segments.length === 1 && endpoint === "multi-exec") {
        const commands = commandsFromJson(body);
        ranScripts = commands.some(runsScript);
        const { status, text } = await runTransaction(commands, base64);
        return answer(status, text);
      }
      const command = segments.length === 0 ? commandFromJson(body) : commandFromPath(segments, url, body);
      ranScripts = runsScript(command);
      const out = await runOne(command, base64);
      return "json" in out ? answer(200, resultEntry(out.json)) : answer(out.status, errorEntry(out.error));
    } catch (err) {
      return answer(statusOf(err), errorEntry(errorText(err)));
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  // Node's own cut-off for a request that never finishes arriving, just after the bridge's answer.
  server.headersTimeout = server.requestTimeout = requestTimeoutMs + 1000;
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actual = /** @type {import("node:net").AddressInfo} */ (server.address()).port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    close: async () => {
      streams.closeAll();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      redis.disconnect();
      admin.disconnect();
    },
  };
}

