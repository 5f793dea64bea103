import { defineConfig } from "drizzle-kit";

/** drizzle-kit generates SQL migrations from src/db/schema.ts; wrangler applies them. */
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
