import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Roles a token may carry; permissions derive from them (src/auth/permissions.ts). */
export const ROLES = ["admin", "moderator", "user"] as const;
/** Lifecycle of a market. */
export const MARKET_STATUSES = ["active", "closed", "resolved"] as const;

/** Lifecycle state of a market. */
export type MarketStatus = (typeof MARKET_STATUSES)[number];
/** Which outcome a position backs. */
export const POSITION_SIDES = ["yes", "no"] as const;

// Timestamps are epoch milliseconds: integer comparisons stay index-friendly and unambiguous.
const createdAt = () =>
  integer("created_at", { mode: "number" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** Users are keyed by the JWT subject and upserted from token claims on their first write. */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email"),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("user"),
    createdAt: createdAt(),
  },
  (t) => [check("users_role_check", sql`${t.role} IN ('admin', 'moderator', 'user')`)],
);

/** A prediction market. `volume` is an integer in the smallest currency unit. */
export const markets = sqliteTable(
  "markets",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    status: text("status", { enum: MARKET_STATUSES }).notNull().default("active"),
    volume: integer("volume").notNull().default(0),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id),
    /**
     * The creator's display name, copied so list pages read no users rows (D1 bills rows read).
     * Kept in step by triggers (migrations/0003): a users row whose name changes updates its
     * markets; an insert that leaves it empty takes it from users.
     */
    creatorName: text("creator_name").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "number" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    // Incremented by every write to what search sees (name, description, status) and by nothing
    // else (volume changes leave it alone): index jobs carry it so the consumer can tell stale
    // jobs from current ones.
    searchVersion: integer("search_version").notNull().default(1),
  },
  (t) => [
    check("markets_status_check", sql`${t.status} IN ('active', 'closed', 'resolved')`),
    check("markets_volume_check", sql`${t.volume} >= 0`),
    // One index per list shape: optional status filter, sort column, id as tie-breaker.
    index("markets_volume_idx").on(t.volume, t.id),
    index("markets_created_at_idx").on(t.createdAt, t.id),
    index("markets_name_idx").on(t.name, t.id),
    index("markets_status_volume_idx").on(t.status, t.volume, t.id),
    index("markets_status_created_at_idx").on(t.status, t.createdAt, t.id),
    index("markets_status_name_idx").on(t.status, t.name, t.id),
    index("markets_creator_idx").on(t.creatorId),
  ],
);

/** A user's stake on one side of a market. `amount` is in the smallest currency unit. */
export const positions = sqliteTable(
  "positions",
  {
    id: text("id").primaryKey(),
    marketId: text("market_id")
      .notNull()
      .references(() => markets.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    side: text("side", { enum: POSITION_SIDES }).notNull(),
    amount: integer("amount").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("positions_side_check", sql`${t.side} IN ('yes', 'no')`),
    check("positions_amount_check", sql`${t.amount} > 0`),
    index("positions_market_idx").on(t.marketId, t.createdAt, t.id),
    index("positions_user_idx").on(t.userId, t.createdAt, t.id),
  ],
);

/**
 * The offline stand-in for Vectorize (D1VectorIndex): one embedding per market, searched by exact
 * cosine similarity. No foreign key on purpose: like Vectorize, it is changed only by index jobs.
 */
export const marketVectors = sqliteTable(
  "market_vectors",
  {
    marketId: text("market_id").primaryKey(),
    status: text("status", { enum: MARKET_STATUSES }).notNull(),
    /** The market's search_version this vector was computed from; older writes never replace it. */
    version: integer("version").notNull(),
    /** Base64 of the encoded vector (see src/search/vector-codec.ts); text reads back far faster than a BLOB. */
    embedding: text("embedding").notNull(),
  },
  (t) => [index("market_vectors_status_idx").on(t.status)],
);

/**
 * Index jobs that could not be delivered (the queue refused them) or were dead-lettered after
 * their retries; replayed by POST /api/admin/index-failures/replay.
 */
export const indexFailures = sqliteTable(
  "index_failures",
  {
    id: text("id").primaryKey(),
    marketId: text("market_id").notNull(),
    op: text("op", { enum: ["upsert", "delete"] }).notNull(),
    version: integer("version").notNull(),
    /** Where the job was lost: `send` (enqueue failed) or `dead_letter` (retries exhausted). */
    source: text("source", { enum: ["send", "dead_letter"] }).notNull(),
    error: text("error").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("index_failures_created_at_idx").on(t.createdAt, t.id)],
);

/**
 * The first response to a write sent with an Idempotency-Key, stored in the same batch as the write
 * so a retry gets it back instead of writing twice. Keys are per user and live 24 hours.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of method, path and request body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: text("body").notNull(),
    location: text("location"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_at_idx").on(t.createdAt)],
);

export type MarketRow = typeof markets.$inferSelect;
export type UserRow = typeof users.$inferSelect;
