import { z } from "@hono/zod-openapi";
import { MAX_REPLAY } from "../indexing/index-admin.service";

export const ReindexResultSchema = z
  .object({ count: z.number().int().openapi({ description: "Markets whose index job was enqueued" }) })
  .openapi("ReindexResult");

export const IndexFailureSchema = z
  .object({
    id: z.string(),
    marketId: z.string(),
    op: z.enum(["upsert", "delete"]),
    version: z.number().int().openapi({ description: "The market's search version the job was for" }),
    source: z.enum(["send", "dead_letter"]).openapi({
      description: "send: the queue refused the job; dead_letter: its retries were exhausted",
    }),
    error: z.string(),
    attempts: z.number().int().openapi({ description: "Deliveries before it was given up on (0: never sent)" }),
    createdAt: z.iso.datetime(),
  })
  .openapi("IndexFailure");

export const IndexFailurePageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional().openapi({ description: "meta.nextCursor of the previous page" }),
});

export const ReplayRequestSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(MAX_REPLAY).default(MAX_REPLAY).openapi({ description: "Oldest failures to replay" }),
  })
  .openapi("ReplayRequest");

export const ReplayResultSchema = z
  .object({
    replayed: z.number().int().openapi({ description: "Jobs sent again and removed from the list" }),
    remaining: z.boolean().openapi({ description: "More failures are waiting (call again)" }),
  })
  .openapi("ReplayResult");
