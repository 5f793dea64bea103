import { and, desc, eq, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { Principal } from "../auth/principal";
import type { Database } from "../db/client";
import { afterRow, type Page, pageOf } from "../db/keyset";
import { markets, positions, users } from "../db/schema";
import { storeResponseStatements } from "../idempotency/d1-idempotency";
import type { IdempotencyRecord } from "../idempotency/idempotency";
import { upsertProfile } from "../auth/profile-upsert";
import { type MyPosition, type Position, type PositionPageQuery, placedPosition } from "./position.model";
import { MAX_VOLUME, type NewPosition } from "../markets/stake";
import type { PositionRepository } from "./position.repository";

// Money is bound as an integer, never as a float: sums stay exact (see MAX_VOLUME).
const amount = (value: number) => sql<number>`CAST(${value} AS INTEGER)`;

/**
 * The positions of `query` whose `owner` column is `id`: newest first, from after the page
 * request's keyset, one row past its limit (see pageOf). Both lists are this, joined differently.
 */
const newestPage = <Q extends SQLiteSelect>(query: Q, owner: SQLiteColumn, id: string, q: PositionPageQuery) =>
  query
    .where(and(eq(owner, id), afterRow(positions.createdAt, positions.id, q.after, "desc")))
    .orderBy(desc(positions.createdAt), desc(positions.id))
    .limit(q.limit + 1);

/** PositionRepository over D1 through Drizzle. */
export class D1PositionRepository implements PositionRepository {
  constructor(private readonly db: Database) {}

  async place(actor: Principal, marketId: string, p: NewPosition, idempotency?: IdempotencyRecord) {
    // The one rule, in SQL: the market exists, is active and has room for the amount. The profile
    // upsert (first: the position's user must exist) checks it too; everything after the insert
    // checks that the position is there, so all of it lands together or none of it does.
    const open = and(
      eq(markets.id, marketId),
      eq(markets.status, "active"),
      sql`${markets.volume} + ${amount(p.amount)} <= ${MAX_VOLUME}`,
    );
    const placed = sql`EXISTS (SELECT 1 FROM ${positions} WHERE ${positions.id} = ${p.id})`;
    const [, inserted, , [market], [user]] = await this.db.batch([
      upsertProfile(this.db, actor, sql`EXISTS (SELECT 1 FROM ${markets} WHERE ${open})`),
      this.db.insert(positions).select(
        this.db
          .select({
            id: sql<string>`${p.id}`.as("id"),
            marketId: markets.id,
            userId: sql<string>`${actor.id}`.as("user_id"),
            side: sql<string>`${p.side}`.as("side"),
            amount: amount(p.amount).as("amount"),
            createdAt: sql<number>`${p.createdAt}`.as("created_at"),
          })
          .from(markets)
          .where(open),
      ),
      this.db
        .update(markets)
        .set({ volume: sql`${markets.volume} + ${amount(p.amount)}`, updatedAt: p.createdAt })
        .where(and(eq(markets.id, marketId), placed)),
      this.db.select({ status: markets.status, volume: markets.volume }).from(markets).where(eq(markets.id, marketId)),
      this.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, actor.id)),
      // Last, so the stored response reads the volume this write produced.
      ...(idempotency ? storeResponseStatements(this.db, idempotency, placed) : []),
    ]);
    if (inserted.meta.changes === 0 || !market || !user) {
      return { refused: !market ? "not_found" : market.status !== "active" ? "not_active" : "volume_full" } as const;
    }
    return { position: placedPosition(p, marketId, { id: actor.id, displayName: user.displayName }), volume: market.volume };
  }

  async listByMarket(marketId: string, q: PositionPageQuery): Promise<Page<Position> | null> {
    const [exists, rows] = await this.db.batch([
      this.db.select({ id: markets.id }).from(markets).where(eq(markets.id, marketId)),
      newestPage(
        this.db
          .select({
            id: positions.id,
            marketId: positions.marketId,
            userId: positions.userId,
            displayName: users.displayName,
            side: positions.side,
            amount: positions.amount,
            createdAt: positions.createdAt,
          })
          .from(positions)
          .innerJoin(users, eq(users.id, positions.userId))
          .$dynamic(),
        positions.marketId,
        marketId,
        q,
      ),
    ]);
    if (exists.length === 0) return null;
    return pageOf(
      rows.map(({ userId, displayName, ...r }) => ({ ...r, user: { id: userId, displayName } })),
      q.limit,
    );
  }

  async listByUser(userId: string, q: PositionPageQuery): Promise<Page<MyPosition>> {
    const rows = await newestPage(
      this.db
        .select({
          id: positions.id,
          side: positions.side,
          amount: positions.amount,
          createdAt: positions.createdAt,
          marketId: markets.id,
          marketName: markets.name,
          marketStatus: markets.status,
        })
        .from(positions)
        .innerJoin(markets, eq(markets.id, positions.marketId))
        .$dynamic(),
      positions.userId,
      userId,
      q,
    );
    return pageOf(
      rows.map(({ marketId, marketName, marketStatus, ...r }) => ({
        ...r,
        market: { id: marketId, name: marketName, status: marketStatus },
      })),
      q.limit,
    );
  }
}
