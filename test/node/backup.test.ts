import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localD1, persistedD1, root } from "./backup/local-d1";

// The local half of docs/operations.md "Backups", run for real with the project's wrangler:
// a migrated and seeded local D1 loses its keyword index, is exported, gets the index back; the
// export is imported into another, empty local D1, whose keyword index is rebuilt from
// migrations/0001; rows, keyword search and the migrations table are compared.
const DROP_FTS =
  "DROP TRIGGER markets_fts_after_insert; DROP TRIGGER markets_fts_after_delete; DROP TRIGGER markets_fts_after_update; DROP TABLE markets_fts;";
const FTS_SQL_CMD =
  "sed -n '/CREATE VIRTUAL TABLE `markets_fts`/,$p' migrations/0001_search_index.sql | sed 's/--> statement-breakpoint//'";
const TABLES = ["users", "markets", "positions", "idempotency_keys"] as const;
const MIGRATIONS = readdirSync(path.join(root, "migrations")).filter((f) => f.endsWith(".sql")).sort();

const SEED = `
INSERT INTO users (id, display_name, role) VALUES ('u1', 'Alice', 'admin'), ('u2', 'Bob O''Hara', 'user'), ('u3', 'Chen', 'moderator');
INSERT INTO markets (id, name, description, status, creator_id) VALUES
  ('m1', 'Will it rain in Lisbon on Friday?', 'Settles on the IPMA reading.' || char(10) || 'It''s "yes" above 1 mm.', 'active', 'u1'),
  ('m2', 'Election turnout above 60%', 'National election', 'closed', 'u2'),
  ('m3', 'Bitcoin above 100k', '', 'resolved', 'u3'),
  ('m4', 'Café opens downtown', 'Diacritics in the name', 'active', 'u1');
INSERT INTO positions (id, market_id, user_id, side, amount) VALUES
  ('p1', 'm1', 'u2', 'yes', 1000000000000), ('p2', 'm1', 'u3', 'no', 5), ('p3', 'm2', 'u1', 'yes', 42), ('p4', 'm3', 'u2', 'no', 7);
UPDATE markets SET volume = (SELECT coalesce(sum(amount), 0) FROM positions WHERE market_id = markets.id);
INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, location) VALUES
  ('u2', 'k-1', 'h1', 201, '{"success":true}', '/api/positions/p1'), ('u1', 'k-2', 'h2', 201, '{}', NULL);
`;

const keywordSearch = (q: string) =>
  `SELECT m.id FROM markets_fts JOIN markets m ON m.rowid = markets_fts.rowid WHERE markets_fts MATCH '${q}' ORDER BY markets_fts.rank`;

let work: string;
let source: ReturnType<typeof localD1>;
let restored: ReturnType<typeof persistedD1>;
const snapshot: Record<string, unknown[]> = {};
const timings: Record<string, number> = {};
let setUp = false;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    timings[label] = Math.round(performance.now() - start);
  }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "backup-test-"));
  source = localD1(mkdtempSync(path.join(work, "source-")));
  await timed("migrate source", () => source.d1(["migrations", "apply", "DB", "--local"]));
  writeFileSync(path.join(work, "seed.sql"), SEED);
  await timed("seed", () => source.execFile(path.join(work, "seed.sql")));
  for (const table of TABLES) snapshot[table] = await source.query(`SELECT * FROM ${table} ORDER BY 1, 2`);
  const fts = execFileSync("sh", ["-c", FTS_SQL_CMD], { cwd: root, encoding: "utf8" });
  writeFileSync(path.join(work, "fts.sql"), fts);
  setUp = true;
  // Two wrangler runs (migrations, seed) take 40 s and more on a busy two-core machine.
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  // Only a set-up that did not finish (a hook timeout on a loaded machine) needs its steps' times.
  if (!setUp) console.log(`backup test set-up timings (ms): ${JSON.stringify(timings)}`);
});

describe("backup and restore of a local D1 with the FTS5 keyword index", () => {
  it("export refuses the database while markets_fts exists", async () => {
    expect(snapshot.markets).toHaveLength(4);
    await expect(source.d1(["export", "DB", "--local", "--output", path.join(work, "refused.sql")])).rejects.toThrow(
      /cannot export databases with Virtual Tables/,
    );
  }, 30_000);

  it("without the keyword index it exports (schema and data apart), and the index comes back on the source", async () => {
    await timed("drop fts", () => source.d1(["execute", "DB", "--local", "--command", DROP_FTS]));
    await timed("export", async () => {
      await source.d1(["export", "DB", "--local", "--no-data", "--output", path.join(work, "backup-schema.sql")]);
      await source.d1(["export", "DB", "--local", "--no-schema", "--output", path.join(work, "backup-data.sql")]);
    });
    const schema = readFileSync(path.join(work, "backup-schema.sql"), "utf8");
    const data = readFileSync(path.join(work, "backup-data.sql"), "utf8");
    expect(schema).not.toMatch(/markets_fts/);
    // The other hand-written triggers (0003, 0004) travel with the schema.
    for (const trigger of ["positions_amount_bound", "positions_never_deleted", "markets_with_positions_kept", "markets_creator_name_on_insert"]) {
      expect(schema).toContain(`CREATE TRIGGER \`${trigger}\``);
    }
    expect(data).not.toMatch(/CREATE /);
    expect(data).toMatch(/INSERT INTO "d1_migrations"/);

    await timed("recreate fts on source", () => source.execFile(path.join(work, "fts.sql")));
    expect(await source.query(keywordSearch("raining"))).toEqual([{ id: "m1" }]);
  }, 180_000);

  it("imports into an empty local D1 and the rebuilt keyword index finds the markets", async () => {
    restored = persistedD1(mkdtempSync(path.join(work, "restored-")));
    await timed("import", async () => {
      await restored.execFile(path.join(work, "backup-schema.sql"));
      await restored.execFile(path.join(work, "backup-data.sql"));
      await restored.execFile(path.join(work, "fts.sql"));
    });
    for (const table of TABLES) {
      expect(await restored.query(`SELECT * FROM ${table} ORDER BY 1, 2`), table).toEqual(snapshot[table]);
    }
    expect(await restored.query(keywordSearch("raining"))).toEqual([{ id: "m1" }]);
    expect(await restored.query(keywordSearch("cafe"))).toEqual([{ id: "m4" }]);
    expect(await restored.query(keywordSearch("election OR bitcoin"))).toHaveLength(2);
    // The 0004 guards hold in the copy.
    await expect(restored.query("DELETE FROM positions WHERE id = 'p1'")).rejects.toThrow(/positions are never deleted/);
  }, 180_000);

  it("the restored copy records every migration as applied", async () => {
    const applied = await restored.query<{ name: string }>("SELECT name FROM d1_migrations ORDER BY id");
    expect(applied.map((r) => r.name)).toEqual(MIGRATIONS);
    const list = await timed("migrations list", () => restored.d1(["migrations", "list", "DB"]));
    expect(list).toMatch(/No migrations to apply/);
    // A migration added later is recorded after the restored ones (AUTOINCREMENT carried over).
    await restored.query("INSERT INTO d1_migrations (name) VALUES ('9999_later.sql')");
    expect(await restored.query("SELECT id FROM d1_migrations WHERE name = '9999_later.sql'")).toEqual([{ id: MIGRATIONS.length + 1 }]);
  }, 30_000);

  it("docs/operations.md gives exactly these commands", () => {
    const doc = readFileSync(path.join(root, "docs/operations.md"), "utf8");
    expect(doc).toContain(DROP_FTS);
    expect(doc).toContain(FTS_SQL_CMD);
    expect(doc).toContain("--no-data --output");
    expect(doc).toContain("--no-schema --output");
  });
});
