import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { Database } from "../db/client";
import { compileSelect } from "../db/compiled-select";
import { inList } from "../db/in-list";
import { afterRow, pageOf } from "../db/keyset";
import { markets, positions } from "../db/schema";
import type { NewPosition } from "./stake";
import { upsertProfile } from "../auth/profile-upsert";
import {
  type Market,
  type MarketChanges,
  type MarketColumns,
  type MarketListQuery,
  type MarketPage,
  type MarketSort,
  type MarketSummary,
  toMarket,
  toSummary,
} from "./market.model";
import { storeResponseStatements } from "../idempotency/d1-idempotency";
import type { IdempotencyRecord } from "../idempotency/idempotency";
import type { DeleteOutcome, MarketRepository, UpdateOutcome, WriteGuard, WrittenMarket } from "./market.repository";

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

const writtenColumns = { ...detailColumns, searchVersion: markets.searchVersion };

const toWritten = (row: MarketColumns & { searchVersion: number }): WrittenMarket => ({ ...toMarket(row), searchVersion: row.searchVersion });

// The reads every request makes, rendered once per isolate (see compileSelect).
const byId = sql.placeholder("id");
const detailById = compileSelect(detailColumns, (db) => db.select(detailColumns).from(markets).where(eq(markets.id, byId)));
const writtenById = compileSelect(writtenColumns, (db) => db.select(writtenColumns).from(markets).where(eq(markets.id, byId)));

/** The list statement of one shape (sort, order, status filter or not, keyset or not, offset or not): at most 24, each rendered on first use. */
const listShapes = new Map<string, ReturnType<typeof compileSelect<typeof summaryColumns>>>();
function listQuery(q: MarketListQuery) {
  const key = `${q.sort}:${q.order}:${q.status ? 1 : 0}:${q.after ? 1 : 0}:${q.offset > 0 ? 1 : 0}`;
  let query = listShapes.get(key);
  if (!query) {
    const dir = q.order === "asc" ? asc : desc;
    const column = SORT_COLUMNS[q.sort];
    const after = q.after ? { value: sql.placeholder("afterValue"), id: sql.placeholder("afterId") } : undefined;
    const where = and(q.status ? eq(markets.status, sql.placeholder("status")) : undefined, afterRow(column, markets.id, after, q.order));
    const offset = q.offset > 0;
    query = compileSelect(summaryColumns, (db) => {
      const page = db.select(summaryColumns).from(markets).where(where).orderBy(dir(column), dir(markets.id)).limit(sql.placeholder("limit"));
      return offset ? page.offset(sql.placeholder("offset")) : page;
    });
    listShapes.set(key, query);
  }
  return query;
}

/** MarketRepository over D1 through Drizzle. Every read is a single statement. */
export class D1MarketRepository implements MarketRepository {
  constructor(private readonly db: Database) {}

  async list(q: MarketListQuery): Promise<MarketPage> {
    const rows = await listQuery(q)(this.db, {
      status: q.status,
      afterValue: q.after?.value,
      afterId: q.after?.id,
      limit: q.limit + 1,
      offset: q.offset,
    });
    const page = pageOf(rows, q.limit);
    return { items: page.items.map(toSummary), hasMore: page.hasMore };
  }

  async findById(id: string): Promise<Market | null> {
    const [row] = await detailById(this.db, { id });
    return row ? toMarket(row) : null;
  }

  async findForWrite(id: string): Promise<WrittenMarket | null> {
    const [row] = await writtenById(this.db, { id });
    return row ? toWritten(row) : null;
  }

  forget(): void {
    // Nothing cached here.
  }

  async findManyByIds(ids: string[]): Promise<MarketSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.select(summaryColumns).from(markets).where(inList(markets.id, ids));
    return rows.map(toSummary);
  }

  async create(actor: Principal, m: MarketColumns, initial?: NewPosition, idempotency?: IdempotencyRecord): Promise<WrittenMarket> {
    const insertMarket = this.db.insert(markets).values(m);
    const upsertUser = upsertProfile(this.db, actor);
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
      upsertProfile(this.db, actor, AFTER_A_CHANGE),
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
      upsertProfile(this.db, actor, AFTER_A_CHANGE),
      this.db.select({ searchVersion: markets.searchVersion, hasPositions }).from(markets).where(eq(markets.id, id)),
    ]);
    return {
      deleted: deleted ?? null,
      remaining: remaining ? { searchVersion: remaining.searchVersion, hasPositions: Boolean(remaining.hasPositions) } : null,
    };
  }

  private selectWritten(id: string) {
    return this.db.select(writtenColumns).from(markets).where(eq(markets.id, id));
  }
}
