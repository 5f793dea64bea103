import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";

// Hono's own check also allows `=`; stricter ids keep log lines and headers boring.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Replaces a client-supplied request id that is not {@link SANE_REQUEST_ID} with a fresh UUID, in
 * the context and in the response header. Runs right after Hono's requestId middleware.
 *
 * @example app.use("*", requestId({ headerName: "X-Request-Id" }), saneRequestId({ headerName: "X-Request-Id" }));
 */
export const saneRequestId =
  (options: { headerName: string }): MiddlewareHandler<AppEnv> =>
  (c, next) => {
    if (!SANE_REQUEST_ID.test(c.get("requestId"))) {
      c.set("requestId", crypto.randomUUID());
      c.header(options.headerName, c.get("requestId"));
    }
    return next();
  };
