import { createRoute } from "@hono/zod-openapi";
import { requirePermission } from "../auth/require-permission";
import { emptyJsonBodyIsAbsent } from "../http/content-type";
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
  operationId: "reindexMarkets",
  tags,
  summary: "Re-index every market (search backfill; safe to repeat)",
  description: "Rebuilds the keyword index and enqueues an index job per market. Takes no body.",
  security,
  middleware: [requirePermission("admin")] as const,
  responses: {
    202: jsonResponse(successSchema(ReindexResultSchema), "Enqueued"),
    ...errorResponses(401, 403, 503),
  },
});

export const listIndexFailures = createRoute({
  method: "get",
  path: "/api/admin/index-failures",
  operationId: "listIndexFailures",
  tags,
  summary: "Lost index jobs, newest first",
  description: "Jobs the queue refused or dead-lettered, keyset-paged.",
  security,
  middleware: [requirePermission("admin")] as const,
  request: { query: IndexFailurePageQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(IndexFailureSchema, CursorPageMetaSchema), "A page"),
    ...errorResponses(400, 401, 403),
  },
});

export const replayIndexFailures = createRoute({
  method: "post",
  path: "/api/admin/index-failures/replay",
  operationId: "replayIndexFailures",
  tags,
  summary: "Re-enqueue the oldest lost index jobs",
  description: "The body is optional: none, or an empty one, replays up to 1000.",
  security,
  middleware: [requirePermission("admin"), emptyJsonBodyIsAbsent] as const,
  request: { body: { required: false, content: { "application/json": { schema: ReplayRequestSchema } } } },
  responses: {
    200: jsonResponse(successSchema(ReplayResultSchema), "Replayed"),
    ...errorResponses(400, 401, 403, 413, 415, 503),
  },
});
