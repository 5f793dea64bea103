// What an HTTP request asks for, in the forms Upstash documents: a JSON command array POSTed to
// `/`, a 2-D array to `/pipeline` or `/multi-exec`, the command in the path
// (`/set/foo/bar?EX=100`, a POST body appended as the last argument), `/subscribe/<channel>...`,
// `/psubscribe/<pattern>...` and `/monitor` as server-sent events. The token comes as
// `Authorization: Bearer <token>` or the `_token` query parameter.
import { createHash, timingSafeEqual } from "node:crypto";
import { HttpError, tooLarge, UNAUTHORIZED } from "./errors.mjs";

const digest = (text) => createHash("sha256").update(text).digest();

/** Checks the request's token (header or `_token`) in constant time. */
export function authenticate(req, url, token) {
  const header = req.headers.authorization ?? "";
  const given = header ? (/^Bearer (.+)$/i.exec(header)?.[1] ?? "") : (url.searchParams.get("_token") ?? "");
  if (!given || !timingSafeEqual(digest(given), digest(token))) throw new HttpError(401, UNAUTHORIZED);
}

const METHODS = new Set(["HEAD", "GET", "POST", "PUT"]);
/** Upstash allows only these methods (docs: "HTTP Codes"). */
export function checkMethod(req) {
  if (!METHODS.has(req.method ?? "")) throw new HttpError(405, `ERR method ${req.method} is not allowed; use HEAD, GET, POST or PUT`);
}

/**
 * `Upstash-Response-Format`: json (the default) is served; resp2 is an Upstash format the bridge
 * does not produce; anything else is a 400 as on Upstash.
 */
export function checkResponseFormat(req) {
  const format = String(req.headers["upstash-response-format"] ?? "json").toLowerCase();
  if (format === "json") return;
  if (format === "resp2") throw new HttpError(400, "ERR Upstash-Response-Format resp2 is not supported by the local bridge; use json");
  throw new HttpError(400, `ERR invalid Upstash-Response-Format '${format}'; use json or resp2`);
}

/**
 * The request body. One over `limit` bytes is still read to its end (and dropped), so the caller
 * gets Upstash's error with the actual size rather than a reset connection; the request's
 * deadline bounds how long that can take.
 * @returns {Promise<Buffer>}
 */
export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on("end", () => (size > limit ? reject(new HttpError(400, tooLarge(limit, size))) : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

/** A JSON number, kept as the digits the caller wrote (JSON.parse would round past 2^53). */
class JsonNumber {
  constructor(text) {
    this.text = text;
  }
}

function parseJson(body) {
  try {
    // `context.source` (Node 21+) is the number's text exactly as sent.
    return JSON.parse(body.toString("utf8"), (_key, value, context) =>
      typeof value === "number" ? new JsonNumber(context?.source ?? String(value)) : value,
    );
  } catch {
    throw new HttpError(400, "ERR failed to parse the request body as JSON");
  }
}

function toCommand(value) {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, "ERR a command must be a non-empty JSON array");
  return value.map((arg, i) => {
    if (typeof arg === "string") return arg;
    if (arg instanceof JsonNumber) return arg.text;
    if (typeof arg === "boolean") return String(arg);
    throw new HttpError(400, `ERR argument ${i} of a command must be a string, a number or a boolean`);
  });
}

/** One command from a JSON array body. */
export const commandFromJson = (body) => toCommand(parseJson(body));

/** The commands of a /pipeline or /multi-exec body. */
export function commandsFromJson(body) {
  const value = parseJson(body);
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, "ERR the body must be a non-empty JSON array of commands");
  return value.map(toCommand);
}

/**
 * A command given in the path: each segment an argument, then any POST/PUT body (raw bytes) as the
 * last one, then query parameters as `NAME value` pairs (Upstash: `/set/foo?EX=100` with the value
 * in the body is `SET foo <body> EX 100`).
 */
export function commandFromPath(segments, url, body) {
  const command = [...segments];
  if (body.length > 0) command.push(body);
  for (const [name, value] of url.searchParams) {
    if (name === "_token") continue;
    command.push(name);
    if (value !== "") command.push(value);
  }
  return command;
}

/** The path's segments, percent-decoded (a trailing slash adds none). */
export function pathSegments(url) {
  const raw = url.pathname.split("/").slice(1);
  if (raw.at(-1) === "") raw.pop();
  try {
    return raw.map((segment) => decodeURIComponent(segment));
  } catch {
    throw new HttpError(400, "ERR the request path is not valid percent-encoding");
  }
}
