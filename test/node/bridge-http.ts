// Raw HTTP against the Upstash bridge, for what @upstash/redis cannot show: exact JSON text,
// status codes, headers, chunked and slow bodies, and server-sent-event streams.
import { request } from "node:http";
import { connect } from "node:net";
import { vi } from "vitest";
import { startBridge } from "../../scripts/upstash-bridge.mjs";
import { startRedisServer } from "../setup/redis-server";

export type Bridge = Awaited<ReturnType<typeof startBridge>>;
export type RedisServer = Awaited<ReturnType<typeof startRedisServer>>;
export type Raw = { status: number; text: string; body: any; headers: Headers };

export const TOKEN = "bridge-test-token";
export const b64 = (s: string) => Buffer.from(s).toString("base64");

/**
 * One request; a non-string body is sent as JSON.
 * @example await call(bridge, "/", ["GET", "k"], { headers: { "Upstash-Encoding": "base64" } })
 */
export async function call(
  bridge: Bridge,
  path: string,
  body?: unknown,
  { headers = {}, method = "POST", auth = true }: { headers?: Record<string, string>; method?: string; auth?: boolean } = {},
): Promise<Raw> {
  const res = await fetch(`${bridge.url}${path}`, {
    method,
    headers: { ...(auth ? { Authorization: `Bearer ${TOKEN}` } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, text, body: parsed, headers: res.headers };
}

/** A POST whose body goes out in chunks (no Content-Length), as a streaming client sends it. */
export function postChunked(bridge: Bridge, chunks: Buffer[]): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${bridge.url}/`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

/**
 * Sends a request's head and only part of its body, then waits: resolves with what the bridge
 * answered and whether it closed the connection.
 */
export function sendPartialBody(bridge: Bridge, declaredLength: number, part: string): Promise<{ response: string; closed: boolean }> {
  const { hostname, port } = new URL(bridge.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let response = "";
    socket.on("data", (c) => (response += c));
    socket.on("error", reject);
    socket.on("close", () => resolve({ response, closed: true }));
    socket.write(
      `POST / HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${declaredLength}\r\n\r\n${part}`,
    );
  });
}

/** An open server-sent-event stream: `events` fills as they arrive (each event's data lines joined). */
export async function openEvents(bridge: Bridge, path: string) {
  const controller = new AbortController();
  const res = await fetch(`${bridge.url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKEN}`, Accept: "text/event-stream" },
    body: "[]",
    signal: controller.signal,
  });
  const events: string[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          events.push(buffer.slice(0, end).replace(/^data: /gm, ""));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    res,
    events,
    /** Waits until `events` holds `expected` (in order, among others). */
    waitFor: (...expected: string[]) =>
      vi.waitFor(() => {
        const seen = events.filter((e) => expected.includes(e));
        if (seen.join("\n") !== expected.join("\n")) throw new Error(`events so far: ${JSON.stringify(events)}`);
      }, { timeout: 5000 }),
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}
