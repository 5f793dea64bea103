import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { Config } from "../config";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { InvalidTokenError, verifyToken } from "./jwt";
import type { Principal } from "./principal";

/**
 * Longest Authorization header read. Real JWTs are a few KB at most; anything longer is refused
 * before any parsing, so a client cannot make the isolate spend CPU on a huge header.
 */
export const MAX_AUTHORIZATION_LENGTH = 8192;
// One character class under one quantifier: linear in the input, no backtracking possible.
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The compact JWS in `Bearer <token>`, or null when the header has any other shape. Linear. */
function bearerToken(header: string): string | null {
  if (!header.startsWith("Bearer ")) return null;
  const token = header.slice(7).trim();
  const parts = token.split(".", 4);
  return parts.length === 3 && parts.every((part) => BASE64URL.test(part)) ? token : null;
}

/** 401 with the RFC 6750 challenge; `error` only when a token was sent and refused. */
export const unauthorized = (message: string, invalidToken: boolean) =>
  new ApiError(401, "unauthorized", message, undefined, {
    "WWW-Authenticate": invalidToken ? 'Bearer error="invalid_token"' : "Bearer",
  });

/**
 * Verifies `Authorization: Bearer <jwt>` when present and stores the caller in `c.get("principal")`.
 * Requests without the header continue anonymously (reads are public). A bad token is a 401, but
 * not yet: it is kept in `c.get("authFailure")` so the rate limiter first charges the caller's
 * address for it (failed verifications are never free), then answers it.
 * Tokens in the query string, cookies or other headers are deliberately ignored.
 *
 * @example app.use("/api/*", authenticate());
 */
export const authenticate = (): MiddlewareHandler<AppEnv> =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("Authorization");
    if (header !== undefined) {
      try {
        c.set("principal", await principalFrom(header, c.get("config").jwt));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        c.set("authFailure", err);
      }
    }
    return next();
  });

/** The caller an Authorization header proves, or the 401 to answer. Bounded and linear before jose runs. */
async function principalFrom(header: string, jwt: Config["jwt"]): Promise<Principal> {
  if (header.length > MAX_AUTHORIZATION_LENGTH) {
    throw unauthorized(`Authorization header exceeds ${MAX_AUTHORIZATION_LENGTH} characters`, true);
  }
  const token = bearerToken(header.trim());
  if (token === null) throw unauthorized("Authorization header must be 'Bearer <token>'", true);
  try {
    return await verifyToken(token, jwt);
  } catch (err) {
    if (err instanceof InvalidTokenError) throw unauthorized(err.message, true);
    throw err;
  }
}
