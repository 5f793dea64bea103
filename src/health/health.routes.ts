import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, jsonResponse, successSchema } from "../http/envelope";
import { optionalAuth } from "../http/openapi-contract";

/** The body of a healthy answer. */
export const HealthSchema = z.object({ status: z.literal("ok"), checks: z.object({ d1: z.literal("ok") }) }).openapi("Health");

/** GET /health, public and not rate limited. */
export const health = createRoute({
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
