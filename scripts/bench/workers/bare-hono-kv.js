// Reference, not a budget baseline: the bare KV worker's get behind what any production API on Hono
// has whatever its design: a request id, security headers and one JSON access-log line per request.
// Shows how much of a cached read's gap to the bare KV worker those parts alone take here.
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { createLogger } from "../../../src/log/logger";

const app = new Hono();
app.use("*", requestId({ headerName: "X-Request-Id" }));
app.use("*", async (c, next) => {
  const started = Date.now();
  await next();
  // The API's own logger, so the line is the one the API writes.
  createLogger({ requestId: c.get("requestId") }).info("request", {
    method: c.req.method,
    path: c.req.path,
    route: c.req.routePath,
    status: c.res.status,
    durationMs: Date.now() - started,
  });
});
app.use("*", secureHeaders());
app.get("/api/markets/:id", async (c) => {
  const value = await c.env.KV.get(c.req.param("id"));
  if (value === null) return c.json({ success: false }, 404);
  return c.body(value, 200, { "Content-Type": "application/json" });
});

export default app;
