import { createMiddleware } from "hono/factory";
import { ApiError } from "./errors";

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/**
 * 415 for a POST/PUT/PATCH whose body is not declared `application/json`, before any
 * validation runs: without this a form or text body would be validated as an empty object.
 */
export const requireJsonBody = createMiddleware(async (c, next) => {
  if (["POST", "PUT", "PATCH"].includes(c.req.method) && !JSON_MEDIA_TYPE.test(c.req.header("Content-Type") ?? "")) {
    throw new ApiError(415, "unsupported_media_type", "Request body must be application/json");
  }
  return next();
});
