/** zod's core namespace (`z.core`) with English messages only; see ./index.ts for why. */
export * from "zod/v4/core";
export * as locales from "./locales";
