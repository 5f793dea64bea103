/** The locales the bundle ships: English, zod's default. See ./index.ts for why. */
export { default as en } from "zod/v4/locales/en.js";
