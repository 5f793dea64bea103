// A small Upstash-REST-compatible front for a real Redis, for tests and local dev only.
// Speaks what @upstash/redis sends: POST / (one command), POST /pipeline, POST /multi-exec,
// bearer-token auth and the `Upstash-Encoding: base64` response encoding.
import { createServer } from "node:http";
import { createHash, timingSafeEqual } from "node:crypto";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import Redis from "ioredis";

const MAX_BODY_BYTES = 1024 * 1024;

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// Upstash leaves the "OK" status reply readable; every other string is base64 when asked.
function encode(value, base64) {
  if (Buffer.isBuffer(value)) {
    if (!base64) return value.toString("utf8");
    return value.length === 2 && value.toString() === "OK" ? "OK" : value.toString("base64");
  }
  if (Array.isArray(value)) return value.map((v) => encode(v, base64));
  return value ?? null;
}

// Upstash's Lua dialect accepts shebang flags that open-source Redis rejects (e.g.
// `#!lua flags=allow-key-locking`, used by @upstash/ratelimit). Such flags are dropped before the
// script reaches Redis, and the client's SHA (of the original text) is mapped to the rewritten one.
const REDIS_SCRIPT_FLAGS = new Set(["no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys"]);
const sha1 = (text) => createHash("sha1").update(text).digest("hex");

class ScriptDialect {
  shas = new Map();

  /** The script Redis can run, remembering which SHA the client will ask for. */
  rewrite(script) {
    const m = /^#!lua(?:[ \t]+flags=([^\r\n]*))?(\r?\n)/.exec(script);
    if (!m?.[1]) return script;
    const kept = m[1].split(",").map((f) => f.trim()).filter((f) => REDIS_SCRIPT_FLAGS.has(f));
    const rewritten = `#!lua${kept.length ? ` flags=${kept.join(",")}` : ""}${m[2]}${script.slice(m[0].length)}`;
    if (rewritten !== script) {
      if (this.shas.size > 10_000) this.shas.clear();
      this.shas.set(sha1(script), sha1(rewritten));
    }
    return rewritten;
  }

  /** Adapts one command's arguments; returns a function that adapts its reply. */
  adapt(command) {
    const name = command[0].toUpperCase();
    if ((name === "EVAL" || name === "EVAL_RO") && command.length > 1) {
      command[1] = this.rewrite(command[1]);
    } else if ((name === "EVALSHA" || name === "EVALSHA_RO") && command.length > 1) {
      command[1] = this.shas.get(command[1].toLowerCase()) ?? command[1];
    } else if (name === "SCRIPT" && command[1]?.toUpperCase() === "LOAD" && command.length > 2) {
      const original = command[2];
      command[2] = this.rewrite(original);
      return () => Buffer.from(sha1(original));
    }
    return (reply) => reply;
  }
}

const errorText = (err) => (err instanceof Error ? err.message : String(err));

function toCommand(value) {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, "command must be a non-empty JSON array");
  return value.map((arg, i) => {
    if (typeof arg === "string") return arg;
    if (typeof arg === "number" || typeof arg === "boolean") return String(arg);
    throw new HttpError(400, `argument ${i} must be a string, number or boolean`);
  });
}

function toCommands(value) {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, "body must be a non-empty JSON array of commands");
  return value.map(toCommand);
}

async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "body too large");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "body is not valid JSON");
  }
}

async function runOne(redis, dialect, command, base64) {
  try {
    const reply = dialect.adapt(command);
    const [name, ...args] = command;
    return { result: encode(reply(await redis.callBuffer(name, ...args)), base64) };
  } catch (err) {
    return { error: errorText(err) };
  }
}

/**
 * Starts the bridge.
 * @param {{ redisUrl: string, token: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startBridge({ redisUrl, token, port = 0, host = "127.0.0.1" }) {
  if (!token) throw new Error("the bridge needs a token");
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true });
  await redis.connect();
  const expected = Buffer.from(`Bearer ${token}`);
  const dialect = new ScriptDialect();

  const server = createServer(async (req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      const auth = Buffer.from(req.headers.authorization ?? "");
      if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) throw new HttpError(401, "Unauthorized");
      if (req.method !== "POST") throw new HttpError(405, "only POST is supported");
      const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
      const path = new URL(req.url ?? "/", "http://bridge").pathname.replace(/\/+$/, "") || "/";
      const body = await readJson(req);
      if (path === "/") {
        const out = await runOne(redis, dialect, toCommand(body), base64);
        return send(out.error === undefined ? 200 : 400, out);
      }
      if (path === "/pipeline") {
        const commands = toCommands(body);
        const out = [];
        for (const command of commands) out.push(await runOne(redis, dialect, command, base64));
        return send(200, out);
      }
      if (path === "/multi-exec") {
        const commands = toCommands(body);
        const tx = redis.multi();
        const replies = commands.map((command) => dialect.adapt(command));
        for (const [name, ...args] of commands) tx.callBuffer(name, ...args);
        let results;
        try {
          results = await tx.exec();
        } catch (err) {
          return send(400, { error: errorText(err) });
        }
        if (results === null) return send(400, { error: "EXECABORT Transaction discarded" });
        return send(
          200,
          results.map(([err, value], i) => (err ? { error: errorText(err) } : { result: encode(replies[i](value), base64) })),
        );
      }
      throw new HttpError(404, `unknown endpoint ${path}`);
    } catch (err) {
      if (err instanceof HttpError) return send(err.status, { error: err.message });
      return send(500, { error: errorText(err) });
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
      token: { type: "string", default: process.env.UPSTASH_REDIS_REST_TOKEN },
      port: { type: "string", default: "8079" },
    },
  });
  const bridge = await startBridge({ redisUrl: values.redis, token: values.token, port: Number(values.port) });
  console.log(`upstash bridge on ${bridge.url} -> ${values.redis}`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => bridge.close().then(() => process.exit(0)));
}
