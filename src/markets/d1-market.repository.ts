import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { Database } from "../db/client";
import { markets, positions, users } from "../db/schema";
import type { NewPosition } from "../positions/position.repository";
import { upsertUserStatement } from "../users/user.repository";
import type { Market, MarketChanges, MarketListQuery, MarketPage, MarketSort, MarketSummary } from "./market.model";
import type { MarketRepository, NewMarket } from "./market.repository";

const SORT_COLUMNS = {
  volume: markets.volume,
  created_at: markets.createdAt,
  name: markets.name,
} satisfies Record<MarketSort, unknown>;

// Lists need only these columns; the creator comes from the same query through the join.
// Selected names must be unique: D1's batch returns rows as objects, so a second `id` would
// overwrite the first (hence markets.creator_id rather than users.id).
const summaryColumns = {
  id: markets.id,
  name: markets.name,
  status: markets.status,
  volume: markets.volume,
  createdAt: markets.createdAt,
  updatedAt: markets.updatedAt,
  creatorId: markets.creatorId,
  creatorName: users.displayName,
};
const detailColumns = { ...summaryColumns, description: markets.description };

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]["_"]["data"] };
type DetailRow = SummaryRow & { description: string };

const toSummary = ({ creatorId, creatorName, ...m }: SummaryRow): MarketSummary => ({
  ...m,
  creator: { id: creatorId, displayName: creatorName },
});
const toMarket = (row: DetailRow): Market => ({ ...toSummary(row), description: row.description });

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
      .innerJoin(users, eq(users.id, markets.creatorId))
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

  async create(actor: Principal, m: NewMarket, initial?: NewPosition): Promise<Market> {
    const insertMarket = this.db.insert(markets).values({
      id: m.id,
      name: m.name,
      description: m.description,
      volume: initial?.amount ?? 0,
      creatorId: actor.id,
      createdAt: m.createdAt,
      updatedAt: m.createdAt,
    });
    const upsertUser = upsertUserStatement(this.db, actor);
    const select = this.selectDetail(m.id);
    // One batch, one transaction: the market never exists without its initial position or volume.
    const rows = initial
      ? (
          await this.db.batch([
            upsertUser,
            insertMarket,
            this.db.insert(positions).values({ ...initial, marketId: m.id, userId: actor.id }),
            select,
          ])
        )[3]
      : (await this.db.batch([upsertUser, insertMarket, select]))[2];
    const [row] = rows;
    if (!row) throw new Error(`market ${m.id} missing right after insert`);
    return toMarket(row);
  }

  async update(actor: Principal, id: string, changes: MarketChanges, updatedAt: number): Promise<Market | null> {
    const [, , [row]] = await this.db.batch([
      upsertUserStatement(this.db, actor),
      this.db
        .update(markets)
        .set({ ...changes, updatedAt })
        .where(eq(markets.id, id)),
      this.selectDetail(id),
    ]);
    return row ? toMarket(row) : null;
  }

  async delete(actor: Principal, id: string): Promise<boolean> {
    const [, deleted] = await this.db.batch([
      upsertUserStatement(this.db, actor),
      this.db.delete(markets).where(eq(markets.id, id)).returning({ id: markets.id }),
    ]);
    return deleted.length > 0;
  }

  private selectDetail(id: string) {
    return this.db
      .select(detailColumns)
      .from(markets)
      .innerJoin(users, eq(users.id, markets.creatorId))
      .where(eq(markets.id, id));
  }
}
