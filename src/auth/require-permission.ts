import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { unauthorized } from "./authenticate";
import { can, type Permission } from "./permissions";
import type { Principal } from "./principal";

/**
 * Requires an authenticated caller whose role grants `permission` (401 if anonymous, 403 if not).
 *
 * Route definitions mount it through `requires(permission)` (route-access.ts), which also documents
 * the bearer token.
 *
 * @example createRoute({ method: "post", path, middleware: [requirePermission("write")], … });
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
