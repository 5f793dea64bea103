import { and, asc, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { Database } from "../db/client";
import { markets, positions } from "../db/schema";
import type { NewPosition } from "../positions/position.repository";
import { upsertUserStatement } from "../users/user.repository";
import type { Market, MarketChanges, MarketListQuery, MarketPage, MarketSort, MarketSummary } from "./market.model";
import { storeResponseStatements } from "../idempotency/d1-idempotency";
import type { IdempotencyRecord } from "../idempotency/idempotency";
import type { DeleteOutcome, MarketRepository, NewMarket, UpdateOutcome, WriteGuard, WrittenMarket } from "./market.repository";

// The actor's profile is written only together with a write that changed a row: changes() is the
// row count of the statement just before it in the batch (the write).
const AFTER_A_CHANGE = sql`changes() > 0`;

const guarded = (id: string, guard: WriteGuard) => {
  const r = guard.representation;
  return and(
    eq(markets.id, id),
    guard.creatorId === undefined ? undefined : eq(markets.creatorId, guard.creatorId),
    guard.searchVersion === undefined ? undefined : eq(markets.searchVersion, guard.searchVersion),
    r === undefined
      ? undefined
      : and(
          eq(markets.searchVersion, r.searchVersion),
          eq(markets.volume, r.volume),
          eq(markets.updatedAt, r.updatedAt),
          eq(markets.creatorName, r.creatorName),
        ),
  );
};

const SORT_COLUMNS = {
  volume: markets.volume,
  created_at: markets.createdAt,
  name: markets.name,
} satisfies Record<MarketSort, unknown>;

// Lists need only these columns. The creator's name is denormalised onto the market, so a page
// reads only its own rows (no users lookup per row).
const summaryColumns = {
  id: markets.id,
  name: markets.name,
  status: markets.status,
  volume: markets.volume,
  createdAt: markets.createdAt,
  updatedAt: markets.updatedAt,
  creatorId: markets.creatorId,
  creatorName: markets.creatorName,
};
const detailColumns = { ...summaryColumns, description: markets.description };

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]["_"]["data"] };
type DetailRow = SummaryRow & { description: string };

const toSummary = ({ creatorId, creatorName, ...m }: SummaryRow): MarketSummary => ({
  ...m,
  creator: { id: creatorId, displayName: creatorName },
});
const toMarket = (row: DetailRow): Market => ({ ...toSummary(row), description: row.description });
const toWritten = ({ searchVersion, ...row }: DetailRow & { searchVersion: number }): WrittenMarket => ({
  ...toMarket(row),
  searchVersion,
});

/** MarketRepository over D1 through Drizzle. Every read is a single statement. */
export class D1MarketRepository implements MarketRepository {
  constructor(private readonly db: Database) {}

  async list(q: MarketListQuery): Promise<MarketPage> {
    const dir = q.order === "asc" ? asc : desc;
    const column = SORT_COLUMNS[q.sort];
    // A row-value comparison on (sort column, id) is what lets SQLite seek straight into the
    // (status?, column, id) index: a deep page reads only its own rows.
    const after = q.after
      ? q.order === "asc"
        ? sql`(${column}, ${markets.id}) > (${q.after.value}, ${q.after.id})`
        : sql`(${column}, ${markets.id}) < (${q.after.value}, ${q.after.id})`
      : undefined;
    const where: SQL | undefined = and(q.status ? eq(markets.status, q.status) : undefined, after);
    const rows = await this.db
      .select(summaryColumns)
      .from(markets)
      .where(where)
      .orderBy(dir(column), dir(markets.id))
      .limit(q.limit + 1)
      .offset(q.offset);
    return { items: rows.slice(0, q.limit).map(toSummary), hasMore: rows.length > q.limit };
  }

  async findById(id: string): Promise<Market | null> {
    const [row] = await this.selectDetail(id);
    return row ? toMarket(row) : null;
  }

  async findForWrite(id: string): Promise<WrittenMarket | null> {
    const [row] = await this.selectWritten(id);
    return row ? toWritten(row) : null;
  }

  forget(): void {
    // Nothing cached here.
  }

  async findManyByIds(ids: string[]): Promise<MarketSummary[]> {
    if (ids.length === 0) return [];
    // One JSON parameter instead of one per id: D1 allows 100 bound parameters per statement.
    const rows = await this.db
      .select(summaryColumns)
      .from(markets)
      .where(sql`${markets.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
    return rows.map(toSummary);
  }

  async create(actor: Principal, m: NewMarket, initial?: NewPosition, idempotency?: IdempotencyRecord): Promise<WrittenMarket> {
    const insertMarket = this.db.insert(markets).values({
      id: m.id,
      name: m.name,
      description: m.description,
      volume: initial?.amount ?? 0,
      creatorId: actor.id,
      // Empty when the token names nobody: a trigger (migrations/0003) copies the stored name.
      creatorName: actor.claims.name ?? "",
      createdAt: m.createdAt,
      updatedAt: m.createdAt,
    });
    const upsertUser = upsertUserStatement(this.db, actor);
    const select = this.selectWritten(m.id);
    const remember = idempotency ? storeResponseStatements(this.db, idempotency) : [];
    // One batch, one transaction: the market never exists without its initial position or volume,
    // nor without the response stored for its Idempotency-Key.
    const rows = initial
      ? (
          await this.db.batch([
            upsertUser,
            insertMarket,
            this.db.insert(positions).values({ ...initial, marketId: m.id, userId: actor.id }),
            select,
            ...remember,
          ])
        )[3]
      : (await this.db.batch([upsertUser, insertMarket, select, ...remember]))[2];
    const [row] = rows;
    if (!row) throw new Error(`market ${m.id} missing right after insert`);
    return toWritten(row);
  }

  async update(actor: Principal, id: string, changes: MarketChanges, updatedAt: number, guard: WriteGuard): Promise<UpdateOutcome> {
    const [updated, , [row]] = await this.db.batch([
      this.db
        .update(markets)
        .set({ ...changes, updatedAt, searchVersion: sql`${markets.searchVersion} + 1` })
        .where(and(guarded(id, guard), ne(markets.status, "resolved"))),
      upsertUserStatement(this.db, actor, AFTER_A_CHANGE),
      this.selectWritten(id),
    ]);
    return { changed: updated.meta.changes > 0, market: row ? toWritten(row) : null };
  }

  async delete(actor: Principal, id: string, guard: WriteGuard): Promise<DeleteOutcome> {
    // By bound id, not by column: inside the subquery an unqualified "id" would name positions.id.
    const hasPositions = sql<number>`EXISTS (SELECT 1 FROM ${positions} WHERE ${positions.marketId} = ${id})`;
    const [[deleted], , [remaining]] = await this.db.batch([
      this.db
        .delete(markets)
        .where(and(guarded(id, guard), sql`NOT ${hasPositions}`))
        .returning({ searchVersion: markets.searchVersion }),
      upsertUserStatement(this.db, actor, AFTER_A_CHANGE),
      this.db.select({ searchVersion: markets.searchVersion, hasPositions }).from(markets).where(eq(markets.id, id)),
    ]);
    return {
      deleted: deleted ?? null,
      remaining: remaining ? { searchVersion: remaining.searchVersion, hasPositions: Boolean(remaining.hasPositions) } : null,
    };
  }

  private selectWritten(id: string) {
    return this.db
      .select({ ...detailColumns, searchVersion: markets.searchVersion })
      .from(markets)
      .where(eq(markets.id, id));
  }

  private selectDetail(id: string) {
    return this.db
      .select(detailColumns)
      .from(markets)
      .where(eq(markets.id, id));
  }
}
