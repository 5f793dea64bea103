import { z } from "@hono/zod-openapi";
import { MAX_KEYSET_NUMBER, maxCursorLength } from "../pagination/cursor";
import { MAX_REPLAY } from "../indexing/index-admin.service";

export const ReindexResultSchema = z
  .object({ count: z.number().int().openapi({ description: "Index jobs enqueued" }) })
  .openapi("ReindexResult");

export const IndexFailureSchema = z
  .object({
    id: z.string(),
    marketId: z.string(),
    op: z.enum(["upsert", "delete"]),
    version: z.number().int(),
    source: z.enum(["send", "dead_letter"]).openapi({ description: "send: refused by the queue; dead_letter: retries exhausted" }),
    error: z.string(),
    attempts: z.number().int().openapi({ description: "Deliveries (0: never sent)" }),
    createdAt: z.iso.datetime(),
  })
  .openapi("IndexFailure");

export const IndexFailurePageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(maxCursorLength({ scope: "index-failures".length, value: MAX_KEYSET_NUMBER })).optional(),
});

export const ReplayRequestSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(MAX_REPLAY).default(MAX_REPLAY),
  })
  .openapi("ReplayRequest");

export const ReplayResultSchema = z
  .object({
    replayed: z.number().int(),
    remaining: z.boolean().openapi({ description: "More are waiting: call again" }),
  })
  .openapi("ReplayResult");
