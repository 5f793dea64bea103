import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, jsonResponse, ok, successSchema } from "../http/envelope";
import { ApiError } from "../http/errors";
import { optionalAuth } from "../http/openapi-contract";
import { errorFields } from "../http/logger";
import { createRouter } from "../http/router";

const HealthSchema = z.object({ status: z.literal("ok"), checks: z.object({ d1: z.literal("ok") }) }).openapi("Health");

const health = createRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  tags: ["Operations"],
  summary: "Liveness and D1 reachability",
  description: "200 only when D1 answers a trivial query.",
  security: optionalAuth,
  responses: {
    200: jsonResponse(successSchema(HealthSchema), "Healthy"),
    ...errorResponses(503),
  },
});

/** GET /health: answers 200 only when D1 answers a trivial query. */
export const healthRouter = createRouter().openapi(health, async (c) => {
  try {
    await c.get("services").pingDatabase();
  } catch (err) {
    c.get("logger").error("health check failed", errorFields(err));
    throw new ApiError(503, "service_unavailable", "Database unreachable");
  }
  c.header("Cache-Control", "no-store");
  return c.json(ok({ status: "ok" as const, checks: { d1: "ok" as const } }), 200);
});
