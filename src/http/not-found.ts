import type { Context, Hono, MiddlewareHandler } from "hono";
import { PatternRouter } from "hono/router/pattern-router";
import type { AppEnv } from "../env";
import { errorResponse } from "./error-handler";
import { ApiError } from "./errors";
import { ROUTED_METHODS } from "./methods";

/** Static segments of a route path: the more it has, the more specific it is. */
const literalSegments = (path: string) => path.split("/").filter((s) => s && !s.startsWith(":") && s !== "*").length;

/**
 * The methods a path answers to, read lazily from the app's routes so it sees every route mounted
 * after it is created. Only the most specific matching paths count: a literal segment wins over
 * a parameter for every method, so `/api/markets/search` has GET only, although `/api/markets/:id`
 * would match it for PUT, PATCH and DELETE.
 */
function routeTable(app: Hono<any, any, any>) {
  let router: PatternRouter<[string, string]> | undefined;
  const allowedMethods = (path: string): string[] => {
    if (!router) {
      router = new PatternRouter<[string, string]>();
      for (const r of app.routes) if (r.method !== "ALL") router.add(r.method, r.path, [r.method, r.path]);
    }
    const matched = ROUTED_METHODS.flatMap((method) => router!.match(method, path)[0].map(([[m, p]]) => [m, p] as const));
    const best = Math.max(...matched.map(([, p]) => literalSegments(p)));
    const methods = new Set(matched.filter(([, p]) => literalSegments(p) === best).map(([m]) => m));
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods];
  };
  let shadowed: Map<string, string[]> | undefined;
  /** Literal paths that a less specific route would also take, for some other method. */
  const shadowedLiterals = () => {
    if (!shadowed) {
      shadowed = new Map();
      for (const { path } of app.routes) {
        if (path.includes(":") || path.includes("*")) continue;
        const allowed = allowedMethods(path);
        const taken = ROUTED_METHODS.some((m) => !allowed.includes(m) && router!.match(m, path)[0].length > 0);
        if (taken) shadowed.set(path, allowed);
      }
    }
    return shadowed;
  };
  return { allowedMethods, shadowedLiterals };
}

const methodNotAllowed = (c: Context<AppEnv>, allowed: string[]) =>
  errorResponse(
    c,
    new ApiError(405, "method_not_allowed", `${c.req.method} is not allowed here`, undefined, { Allow: allowed.join(", ") }),
  );

/**
 * A notFound handler that tells 405 from 404: when the path exists under other methods it
 * answers 405 with an `Allow` header, as HTTP requires; otherwise 404.
 *
 * @example app.notFound(notFoundOrMethodNotAllowed(app));
 */
export function notFoundOrMethodNotAllowed(app: Hono<any, any, any>) {
  const { allowedMethods } = routeTable(app);
  return (c: Context<AppEnv>): Response => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) return methodNotAllowed(c, allowed);
    return errorResponse(c, new ApiError(404, "not_found", `No route for ${c.req.method} ${c.req.path}`));
  };
}

/**
 * Middleware that keeps a literal path from being routed as a parameter: `PUT /api/markets/search`
 * is a 405 (Allow: GET, HEAD), not an update of the market with id "search". One map lookup per
 * request; the table is built on first use.
 *
 * @example app.use("/api/*", literalPathsWin(app));
 */
export function literalPathsWin(app: Hono<any, any, any>): MiddlewareHandler<AppEnv> {
  const { shadowedLiterals } = routeTable(app);
  return async (c, next) => {
    const allowed = shadowedLiterals().get(c.req.path);
    if (allowed && !allowed.includes(c.req.method)) return methodNotAllowed(c, allowed);
    return next();
  };
}
