// `npm run dev`: local secret, migrations, demo data, then `wrangler dev` on localhost.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { ensureDevSecret } from "./dev-vars.mjs";
import { seedSql } from "./seed-data.mjs";

const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: process.env.CI ?? "true" };

function run(args) {
  const r = spawnSync("wrangler", args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensureDevSecret();
run(["d1", "migrations", "apply", "DB", "--local"]);
mkdirSync(".wrangler", { recursive: true });
writeFileSync(".wrangler/seed.sql", seedSql());
run(["d1", "execute", "DB", "--local", "--file", ".wrangler/seed.sql"]);

const port = process.env.PORT ?? "8787";
console.log(`\nMarkets API on http://localhost:${port}  (try: curl http://localhost:${port}/api/markets)\n`);
const dev = spawn("wrangler", ["dev", "--port", port, ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
