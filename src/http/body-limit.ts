import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "./errors";

/**
 * Hono's body limit, answered with the `payload_too_large` envelope (413) instead of Hono's bare text.
 *
 * @example app.use("/api/*", limitBody({ maxBytes: 64 * 1024 }));
 */
export const limitBody = (options: { maxBytes: number }): MiddlewareHandler =>
  bodyLimit({
    maxSize: options.maxBytes,
    onError: () => {
      throw new ApiError(413, "payload_too_large", `Request body exceeds ${options.maxBytes} bytes`);
    },
  });
