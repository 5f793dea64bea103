import { z } from "@hono/zod-openapi";
import { MARKET_STATUSES } from "../db/schema";
import { PositionInputSchema } from "./stake";
import { maxCursorLength } from "../pagination/cursor";
import { MARKET_SORTS } from "./market.model";
import { isoTime } from "../lib/iso-time";

/** Largest page a client may ask for. */
export const MAX_LIMIT = 100;
/** Deepest offset served; deeper pages belong to cursor pagination. */
export const MAX_OFFSET = 10_000;
/** Longest market name (after trimming); also the longest keyset value of a `sort=name` cursor. */
export const MAX_NAME_LENGTH = 200;
/** Longest cursor scope of a market list (`markets:<sort>:<order>:<status>`). */
const MARKET_SCOPE_LENGTH = 40;
/** Longest `cursor` a market list accepts: the longest one it can issue (see maxCursorLength). */
export const MAX_MARKET_CURSOR = maxCursorLength({ scope: MARKET_SCOPE_LENGTH, value: MAX_NAME_LENGTH });

/**
 * Free text stored without its surrounding whitespace. The length limits apply to the text as
 * sent and the pattern (documented) requires `min` characters between the first and last
 * non-space ones, so the document and the validation agree on every value.
 *
 * @example trimmedText(3, 200) // "  abc " is stored as "abc"; "  ab  " is refused
 */
export function trimmedText(min: number, max: number) {
  const pattern = min === 0 ? undefined : min === 1 ? "\\S" : `^\\s*\\S[\\s\\S]{${min - 2},}\\S\\s*$`;
  const text = min > 0 ? z.string().min(min).max(max) : z.string().max(max);
  const checked = pattern ? text.regex(new RegExp(pattern), `must have ${min}+ characters besides surrounding spaces`) : text;
  return checked.trim().openapi({ description: "Surrounding whitespace is trimmed" });
}

export const MarketIdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, '-' or '_'")
    .openapi({ param: { name: "id", in: "path" }, example: "2f0c3b1e-8d7a-4c55-9b1e-3f1a2b4c5d6e" }),
});

export const MarketListQuerySchema = z.strictObject({
  status: z.enum(MARKET_STATUSES).optional().openapi({ description: "Only markets in this state" }),
  sort: z.enum(MARKET_SORTS).default("created_at"),
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(20),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_OFFSET)
    .default(0)
    .openapi({
      // Stated in full: generated from the coerced default alone it would read `integer | null`.
      type: "integer",
      minimum: 0,
      maximum: MAX_OFFSET,
      default: 0,
      description: `Rows to skip (at most ${MAX_OFFSET}). Slower path: D1 reads every skipped row; prefer cursor. Only 0 together with cursor.`,
    }),
  cursor: z
    .string()
    .max(MAX_MARKET_CURSOR)
    .optional()
    .openapi({ description: "meta.nextCursor of the previous page (same sort, order and status); excludes a non-zero offset" }),
});

const name = trimmedText(3, MAX_NAME_LENGTH).openapi({ example: "Will it rain in Lisbon on 1 May?" });
const description = trimmedText(0, 5000).openapi({ example: "Resolves YES if IPMA reports rain." });
const status = z.enum(MARKET_STATUSES);

// Strict objects: unknown keys (id, volume, creatorId, createdAt, ...) are rejected, not ignored.
export const CreateMarketSchema = z
  .strictObject({
    name,
    description: description.default(""),
    initialPosition: PositionInputSchema.optional().openapi({
      description: "The creator's own first position, written in the same transaction as the market",
    }),
  })
  .openapi("CreateMarket");

export const ReplaceMarketSchema = z
  .strictObject({ name, description, status })
  .openapi("ReplaceMarket");

export const PatchMarketSchema = z
  .strictObject({ name: name.optional(), description: description.optional(), status: status.optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "at least one field is required")
  .openapi("PatchMarket", { minProperties: 1 });

const CreatorSchema = z.object({ id: z.string(), displayName: z.string() }).openapi("Creator");

export const MarketSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status,
    volume: z.number().int().openapi({ description: "Total staked, in the smallest currency unit" }),
    creator: CreatorSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("MarketSummary");

export const MarketSchema = MarketSummarySchema.extend({ description: z.string() }).openapi("Market");

export const PageMetaSchema = z
  .object({
    limit: z.number().int(),
    offset: z.number().int(),
    hasMore: z.boolean(),
    nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last" }),
  })
  .openapi("PageMeta");

/** Domain timestamps are epoch ms; the API speaks ISO 8601. */
export const presentSummary = <T extends { createdAt: number; updatedAt: number }>(
  m: T,
): Omit<T, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string } => ({
  ...m,
  createdAt: isoTime(m.createdAt),
  updatedAt: isoTime(m.updatedAt),
});
