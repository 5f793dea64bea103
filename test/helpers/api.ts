import { env, exports } from "cloudflare:workers";

/** The envelope every JSON response uses (loosely typed for assertions). */
export interface Envelope {
  success: boolean;
  data?: any;
  meta?: any;
  error?: { code: string; message: string; details?: any };
  requestId?: string;
}

export interface CallOptions {
  token?: string;
  /** Serialised as JSON unless `rawBody` is given. */
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

/**
 * Calls the worker through its real fetch entry (the same path production traffic takes).
 *
 * @example const { res, json } = await call("GET", "/api/markets");
 */
export async function call(method: string, path: string, o: CallOptions = {}) {
  const headers = new Headers(o.headers);
  if (o.token) headers.set("Authorization", `Bearer ${o.token}`);
  let body: BodyInit | undefined = o.rawBody;
  if (o.body !== undefined && body === undefined) {
    body = JSON.stringify(o.body);
    if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  }
  const res = await exports.default.fetch(new Request(`https://api.test${path}`, { method, headers, body }));
  const text = await res.text();
  let json: Envelope | undefined;
  try {
    json = text ? (JSON.parse(text) as Envelope) : undefined;
  } catch {
    json = undefined;
  }
  return { res, json: json as Envelope, text };
}

/** Row counts for the tables a write could touch, to prove a rejected request changed nothing. */
export async function tableCounts() {
  const row = await env.DB.prepare(
    "SELECT (SELECT count(*) FROM markets) AS markets, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM positions) AS positions",
  ).first<{ markets: number; users: number; positions: number }>();
  return row!;
}
