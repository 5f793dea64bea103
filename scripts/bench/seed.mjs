// The benchmark's data: one local D1 seeded once, deterministically, and copied to every server.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./build.mjs";
import { insertStatements, migrationStatements } from "./dataset.mjs";
import { startWorker } from "./workerd.mjs";

/**
 * Applies the migrations and the dataset to a fresh D1 persisted in `persistDir`, through a bare
 * D1 worker, and checks every row arrived.
 * @param {{ persistDir: string, scriptPath: string, compatibilityDate: string, dataset: ReturnType<typeof import("./dataset.mjs").generateDataset> }} options
 * @returns {Promise<{ users: number, markets: number, positions: number }>} the row counts
 */
export async function seedD1({ persistDir, scriptPath, compatibilityDate, dataset }) {
  const seeder = await startWorker({ name: "seeder", scriptPath, compatibilityDate, d1: true, persistDir });
  const db = await seeder.mf.getD1Database("DB");
  const migrations = readdirSync(path.join(ROOT, "migrations"))
    .filter((f) => f.endsWith(".sql"))
    .map((name) => ({ name, sql: readFileSync(path.join(ROOT, "migrations", name), "utf8") }));
  for (const s of migrationStatements(migrations)) await db.prepare(s).run();
  const inserts = insertStatements(dataset);
  for (let i = 0; i < inserts.length; i += 40) await db.batch(inserts.slice(i, i + 40).map((s) => db.prepare(s)));
  const counts = await db.prepare("SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM markets) AS markets, (SELECT count(*) FROM positions) AS positions").first();
  for (const k of ["users", "markets", "positions"]) {
    if (counts[k] !== dataset[k].length) throw new Error(`seeded ${counts[k]} ${k}, expected ${dataset[k].length}`);
  }
  await seeder.dispose();
  return counts;
}
