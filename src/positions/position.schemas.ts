import { z } from "@hono/zod-openapi";
import { MARKET_STATUSES, POSITION_SIDES } from "../db/schema";
import { MAX_KEYSET_NUMBER, maxCursorLength } from "../pagination/cursor";
import { isoTime } from "../lib/iso-time";

/** Longest `cursor` a position list accepts: scopes name a market id or a token subject (255). */
const MAX_POSITION_CURSOR = maxCursorLength({ scope: "positions:market:".length + 255, value: MAX_KEYSET_NUMBER });

export const PositionPageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(MAX_POSITION_CURSOR).optional().openapi({ description: "meta.nextCursor of the previous page" }),
});

const iso = z.iso.datetime();
const UserRefSchema = z.object({ id: z.string(), displayName: z.string() });

export const PositionSchema = z
  .object({
    id: z.string(),
    marketId: z.string(),
    user: UserRefSchema,
    side: z.enum(POSITION_SIDES),
    amount: z.number().int(),
    createdAt: iso,
  })
  .openapi("Position");

export const PlacedPositionSchema = PositionSchema.extend({
  market: z.object({ id: z.string(), volume: z.number().int() }),
}).openapi("PlacedPosition");

export const MyPositionSchema = z
  .object({
    id: z.string(),
    side: z.enum(POSITION_SIDES),
    amount: z.number().int(),
    createdAt: iso,
    market: z.object({ id: z.string(), name: z.string(), status: z.enum(MARKET_STATUSES) }),
  })
  .openapi("MyPosition");

/** Epoch ms to ISO 8601 for a row with `createdAt`. */
export const presentPosition = <T extends { createdAt: number }>(p: T): Omit<T, "createdAt"> & { createdAt: string } => ({
  ...p,
  createdAt: isoTime(p.createdAt),
});
