import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { ApiError } from "./errors";
import { carriesBody } from "./methods";

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** True when the request carries no body at all (actions such as POST /api/admin/reindex). */
const bodyless = (req: Request) => req.body === null || req.headers.get("Content-Length") === "0";

/**
 * 415 for a POST/PUT/PATCH whose body is not declared `application/json`, before any
 * validation runs: without this a form or text body would be validated as an empty object.
 * A request with no body at all has nothing to misread and passes; routes that need a body
 * still answer 400 for it.
 *
 * @example app.use("/api/*", requireJsonBody());
 */
export const requireJsonBody = (): MiddlewareHandler =>
  createMiddleware(async (c, next) => {
    if (
      carriesBody(c.req.method) &&
      !bodyless(c.req.raw) &&
      !JSON_MEDIA_TYPE.test(c.req.header("Content-Type") ?? "")
    ) {
      throw new ApiError(415, "unsupported_media_type", "Request body must be application/json");
    }
    return next();
  });

/**
 * For routes whose JSON body is optional: a request that declares `application/json` but sends
 * nothing (or only whitespace) is read as `{}`, as if it had sent no body at all, instead of
 * failing as malformed JSON. Must run before the route's validator; the body limit ran earlier.
 *
 * @example middleware: [requirePermission("admin"), emptyJsonBodyIsAbsent] as const
 */
export const emptyJsonBodyIsAbsent = createMiddleware(async (c, next) => {
  if (JSON_MEDIA_TYPE.test(c.req.header("Content-Type") ?? "") && (await c.req.text()).trim() === "") {
    // The validator's c.req.json() parses the cached text: from here on the body reads as `{}`.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve("{}");
  }
  return next();
});
