// Redis replies as Upstash writes them in JSON. The bridge's connection speaks RESP2 with
// `stringNumbers`, so a reply is built from: Buffer (bulk or status string), string (an integer,
// digits exactly as Redis sent them), null, arrays of those, and Error (an error inside an array).
// Integers go out as JSON numbers with every digit; with `Upstash-Encoding: base64` every string is
// base64 except a top-level "OK" (the client decodes nested strings unconditionally).
import { errorText } from "./errors.mjs";

const INTEGER = /^-?\d+$/;
const isOk = (value) => value.length === 2 && value[0] === 0x4f && value[1] === 0x4b;

/** The bytes a reply carries (what Upstash's size limit counts), stopping once past `limit`. */
export function replySize(reply, limit = Infinity) {
  let size = 0;
  const walk = (value) => {
    if (size > limit || value === null || value === undefined) return;
    if (Buffer.isBuffer(value) || typeof value === "string") size += value.length;
    else if (value instanceof Error) size += errorText(value).length;
    else if (Array.isArray(value)) for (const item of value) walk(item);
  };
  walk(reply);
  return size;
}

/**
 * The JSON text of one reply.
 * @param {unknown} reply
 * @param {boolean} base64
 */
export function replyJson(reply, base64) {
  const str = (text) => JSON.stringify(text);
  const walk = (value, top) => {
    if (value === null || value === undefined) return "null";
    if (Buffer.isBuffer(value)) {
      if (top && isOk(value)) return '"OK"';
      return str(base64 ? value.toString("base64") : value.toString("utf8"));
    }
    if (typeof value === "string") return INTEGER.test(value) ? value.replace(/^(-?)0+(?=\d)/, "$1") : str(value);
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
    if (Array.isArray(value)) return `[${value.map((item) => walk(item, false)).join(",")}]`;
    const text = errorText(value);
    return str(base64 ? Buffer.from(text).toString("base64") : text);
  };
  return walk(reply, true);
}

/** `{"result": ...}` from a reply's JSON text, or `{"error": ...}`. */
export const resultEntry = (json) => `{"result":${json}}`;
export const errorEntry = (message) => `{"error":${JSON.stringify(message)}}`;
