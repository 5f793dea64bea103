import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { InvalidTokenError, verifyToken } from "./jwt";
import { can, type Permission } from "./permissions";
import type { Principal } from "./principal";

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.?[A-Za-z0-9\-_.+/=]*)$/;

/** 401 with the RFC 6750 challenge; `error` only when a token was sent and refused. */
export const unauthorized = (message: string, invalidToken: boolean) =>
  new ApiError(401, "unauthorized", message, undefined, {
    "WWW-Authenticate": invalidToken ? 'Bearer error="invalid_token"' : "Bearer",
  });

/**
 * Verifies `Authorization: Bearer <jwt>` when present and stores the caller in `c.get("principal")`.
 * Requests without the header continue anonymously (reads are public); a bad token is a 401.
 * Tokens in the query string, cookies or other headers are deliberately ignored.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization");
  if (header === undefined) return next();
  const match = BEARER.exec(header.trim());
  if (!match?.[1]) throw unauthorized("Authorization header must be 'Bearer <token>'", true);
  try {
    c.set("principal", await verifyToken(match[1], c.get("config").jwt));
  } catch (err) {
    if (err instanceof InvalidTokenError) throw unauthorized(err.message, true);
    throw err;
  }
  return next();
});

/**
 * Requires an authenticated caller whose role grants `permission` (401 if anonymous, 403 if not).
 *
 * @example router.use("/api/markets/*", requirePermission("write"));
 */
export const requirePermission = (permission: Permission) =>
  createMiddleware<AppEnv>(async (c, next) => {
    principalWith(c.get("principal"), permission);
    return next();
  });

/** Returns the caller if it holds `permission`, else throws the matching 401/403. */
export function principalWith(principal: Principal | undefined, permission: Permission): Principal {
  if (!principal) throw unauthorized("Authentication required", false);
  if (!can(principal.role, permission)) {
    throw new ApiError(403, "forbidden", `Role '${principal.role}' lacks the '${permission}' permission`);
  }
  return principal;
}
