import type { Context, Hono } from "hono";
import { PatternRouter } from "hono/router/pattern-router";
import type { AppEnv } from "../env";
import { errorResponse } from "./error-handler";
import { ApiError } from "./errors";

/**
 * A notFound handler that tells 405 from 404: when the path exists under other methods it
 * answers 405 with an `Allow` header, as HTTP requires; otherwise 404.
 * The route table is read lazily so it sees every route mounted after this is created.
 *
 * @example app.notFound(notFoundOrMethodNotAllowed(app));
 */
export function notFoundOrMethodNotAllowed(app: Hono<any, any, any>) {
  let router: PatternRouter<string> | undefined;
  const methodsFor = (path: string): string[] => {
    if (!router) {
      router = new PatternRouter<string>();
      for (const r of app.routes) if (r.method !== "ALL") router.add(r.method, r.path, r.method);
    }
    const methods = new Set<string>();
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const [matches] = router.match(method, path);
      for (const [m] of matches) methods.add(m);
    }
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods];
  };
  return (c: Context<AppEnv>): Response => {
    const allowed = methodsFor(c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      return errorResponse(
        c,
        new ApiError(405, "method_not_allowed", `${c.req.method} is not allowed here`, undefined, {
          Allow: allowed.join(", "),
        }),
      );
    }
    return errorResponse(c, new ApiError(404, "not_found", `No route for ${c.req.method} ${c.req.path}`));
  };
}
