// The benchmark's data: a deterministic generator (same seed, same rows, byte for byte) and the SQL
// that loads it. Market volumes equal the sum of their positions, as the API keeps them.

/** Sizes the issue asks for. */
export const BENCH_SIZES = { users: 1_000, markets: 10_000, positions: 100_000 };

const STATUSES = ["active", "active", "active", "active", "active", "active", "active", "active", "closed", "resolved"];
const TOPICS = [
  "Will it rain in Lisbon on the first of May",
  "Will the city marathon record fall this year",
  "Will the new metro line open before December",
  "Will the central bank cut rates at its next meeting",
  "Will the summer solstice be cloudless in Oslo",
  "Will the river flood the old town this spring",
  "Will electric cars outsell petrol cars this quarter",
  "Will the bridge renovation finish on schedule",
];
const BASE_MS = Date.UTC(2026, 0, 1);

/** mulberry32: a tiny PRNG, so the dataset is the same on every machine and Node version. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, width) => String(n).padStart(width, "0");

/**
 * Users, markets and positions for the benchmark.
 * @param {{ users?: number, markets?: number, positions?: number, seed?: number }} [options]
 * @example const { users, markets, positions } = generateDataset(); // 1 000 / 10 000 / 100 000 rows
 */
export function generateDataset({ users = BENCH_SIZES.users, markets = BENCH_SIZES.markets, positions = BENCH_SIZES.positions, seed = 42 } = {}) {
  const random = prng(seed);
  const pick = (n) => Math.floor(random() * n);

  const userRows = [];
  for (let i = 0; i < users; i++) {
    const id = `bench-user-${pad(i + 1, 4)}`;
    userRows.push({ id, email: `${id}@example.com`, displayName: `Bench User ${pad(i + 1, 4)}`, role: i === 0 ? "admin" : i === 1 ? "moderator" : "user", createdAt: BASE_MS });
  }

  const marketRows = [];
  for (let i = 0; i < markets; i++) {
    const createdAt = BASE_MS + i * 60_000 + pick(60_000);
    marketRows.push({
      id: `bench-market-${pad(i + 1, 5)}`,
      name: `${TOPICS[i % TOPICS.length]} (#${i + 1})?`,
      description: `Benchmark market ${i + 1}. Resolves from public records.`,
      status: STATUSES[pick(STATUSES.length)],
      volume: 0,
      creatorId: userRows[pick(users)].id,
      createdAt,
      updatedAt: createdAt,
    });
  }

  const positionRows = [];
  for (let i = 0; i < positions; i++) {
    const market = marketRows[pick(markets)];
    const amount = (1 + pick(1_000)) * 100;
    market.volume += amount;
    positionRows.push({
      id: `bench-position-${pad(i + 1, 6)}`,
      marketId: market.id,
      userId: userRows[pick(users)].id,
      side: random() < 0.5 ? "yes" : "no",
      amount,
      createdAt: market.createdAt + 1_000 + pick(86_400_000),
    });
  }
  return { users: userRows, markets: marketRows, positions: positionRows };
}

const literal = (v) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`);

const TABLES = [
  ["users", "users", ["id", "email", "display_name", "role", "created_at"], (u) => [u.id, u.email, u.displayName, u.role, u.createdAt]],
  ["markets", "markets", ["id", "name", "description", "status", "volume", "creator_id", "created_at", "updated_at"], (m) => [m.id, m.name, m.description, m.status, m.volume, m.creatorId, m.createdAt, m.updatedAt]],
  ["positions", "positions", ["id", "market_id", "user_id", "side", "amount", "created_at"], (p) => [p.id, p.marketId, p.userId, p.side, p.amount, p.createdAt]],
];

/**
 * Multi-row INSERT statements (no bound parameters, so no per-statement parameter limit), users
 * first so every foreign key already exists.
 * @param {ReturnType<typeof generateDataset>} dataset
 * @param {number} [rowsPerStatement]
 * @returns {string[]}
 */
export function insertStatements(dataset, rowsPerStatement = 250) {
  const statements = [];
  for (const [key, table, columns, values] of TABLES) {
    const rows = dataset[key];
    for (let i = 0; i < rows.length; i += rowsPerStatement) {
      const tuples = rows.slice(i, i + rowsPerStatement).map((r) => `(${values(r).map(literal).join(", ")})`);
      statements.push(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`);
    }
  }
  return statements;
}

/**
 * The statements of drizzle-kit migration files, in order (files are split on its breakpoints).
 * @param {{ name: string, sql: string }[]} files
 * @returns {string[]}
 */
export function migrationStatements(files) {
  return [...files]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((f) => f.sql.split("--> statement-breakpoint"))
    .map((s) => s.trim())
    .filter(Boolean);
}
