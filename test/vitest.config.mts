import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { TEST_JWT_SECRET } from "./setup/test-secrets.ts";

const root = path.resolve(import.meta.dirname, "..");

// Two projects: the worker's tests run inside workerd; tests of Node-side tooling (the Upstash
// bridge) run in Node against their own redis-server.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(root, "migrations"));
  return {
    root,
    test: {
      reporters: ["default", "./test/reporters/summary-line.ts"],
      // Access-log and queue-batch lines are asserted where they matter; elsewhere they only bury
      // failures (every market a test writes is indexed by the real local queue in the background).
      // The D1 cost figures the query-count tests assert are for `npm run bench:db`, which asks for them.
      onConsoleLog: (log: string) =>
        !log.includes('"msg":"request"') &&
        !log.includes('"msg":"index batch"') &&
        (process.env.PRINT_D1_FIGURES === "1" || !/^\{"(rowsRead|statementsPerRequest)"/.test(log)),
      projects: [
        {
          // The same "zod" the deployed bundle gets (wrangler.toml [alias]), so the tests run the
          // module graph production runs. Exact match only: "zod/v4" etc. stay zod's own.
          resolve: {
            alias: [
              { find: /^zod$/, replacement: path.join(root, "src/zod/index.ts") },
              { find: /^@upstash\/core-analytics$/, replacement: path.join(root, "src/upstash/no-analytics.ts") },
            ],
          },
          plugins: [
            cloudflareTest(({ inject }) => ({
              wrangler: { configPath: path.join(root, "wrangler.toml") },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  JWT_SECRET: TEST_JWT_SECRET,
                  JWKS_URL: inject<string>("jwksUrl"),
                  UPSTASH_REDIS_REST_URL: inject<string>("upstashUrl"),
                  UPSTASH_REDIS_REST_TOKEN: inject<string>("upstashToken"),
                  // Generous so unrelated tests never trip them; rate-limit tests set their own.
                  RATE_LIMITS: "anonymous=100000/60s,user=100000/60s,write=100000/60s,admin=100000/60s",
                  // Most tests write to D1 directly and read through the API; the cache tests turn it on.
                  CACHE_TTL_SECONDS: "0",
                },
              },
            })),
          ],
          test: {
            name: "workers",
            include: ["test/**/*.test.ts"],
            exclude: ["test/node/**", "test/browser/**"],
            globalSetup: ["test/setup/global-setup.ts"],
            setupFiles: ["test/setup/apply-migrations.ts"],
          },
        },
        {
          test: {
            name: "node",
            environment: "node",
            include: ["test/node/**/*.test.ts"],
          },
        },
        {
          // Headless Chromium against `npm run dev` (a real wrangler dev server on a free port).
          test: {
            name: "browser",
            environment: "node",
            include: ["test/browser/**/*.test.ts"],
            testTimeout: 120_000,
          },
        },
      ],
    },
  };
});
