import { createRoute } from "@hono/zod-openapi";
import { requirePermission } from "../auth/middleware";
import { errorResponses, jsonResponse, pageSchema, successSchema } from "../http/envelope";
import { CursorPageMetaSchema } from "../positions/position.schemas";
import {
  IndexFailurePageQuerySchema,
  IndexFailureSchema,
  ReindexResultSchema,
  ReplayRequestSchema,
  ReplayResultSchema,
} from "./admin.schemas";

const tags = ["Admin"];
const security = [{ bearerAuth: [] }];

export const reindex = createRoute({
  method: "post",
  path: "/api/admin/reindex",
  tags,
  summary: "Re-index every market (search backfill)",
  description:
    "Rebuilds the keyword index and enqueues an index job per market; the queue consumer re-embeds them in batches. Use after a model change, a fresh vector index or a restore. Safe to repeat.",
  security,
  middleware: [requirePermission("admin")] as const,
  responses: {
    202: jsonResponse(successSchema(ReindexResultSchema), "Jobs enqueued"),
    ...errorResponses(401, 403, 503),
  },
});

export const listIndexFailures = createRoute({
  method: "get",
  path: "/api/admin/index-failures",
  tags,
  summary: "Index jobs that were lost (not sent, or dead-lettered), newest first",
  security,
  middleware: [requirePermission("admin")] as const,
  request: { query: IndexFailurePageQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(IndexFailureSchema, CursorPageMetaSchema), "A page of lost index jobs"),
    ...errorResponses(400, 401, 403),
  },
});

export const replayIndexFailures = createRoute({
  method: "post",
  path: "/api/admin/index-failures/replay",
  tags,
  summary: "Send lost index jobs again",
  description: "Re-enqueues the oldest lost jobs and removes them from the list. The body is optional.",
  security,
  middleware: [requirePermission("admin")] as const,
  request: { body: { required: false, content: { "application/json": { schema: ReplayRequestSchema } } } },
  responses: {
    200: jsonResponse(successSchema(ReplayResultSchema), "What was replayed"),
    ...errorResponses(400, 401, 403, 413, 415, 503),
  },
});
