import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { requirePermission } from "./require-permission";
import type { Permission } from "./permissions";

/** The OpenAPI security requirement of an operation that needs a bearer token. */
const BEARER: Record<string, string[]>[] = [{ bearerAuth: [] }];

/**
 * What a route definition declares of an operation open only to callers holding `permission`: a
 * bearer token in the document, and the middleware that enforces it (then any `more`, in order).
 *
 * @example createRoute({ method: "post", path, operationId, tags, summary, description, ...requires("write"), request, responses })
 */
export const requires = <M extends MiddlewareHandler<AppEnv>[]>(permission: Permission, ...more: M) => ({
  security: BEARER,
  middleware: [requirePermission(permission), ...more] as [MiddlewareHandler<AppEnv>, ...M],
});
