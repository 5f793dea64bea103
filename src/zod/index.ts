/**
 * What the worker bundle gets for `import … from "zod"` (wrangler.toml `[alias]`; the workers test
 * project resolves it the same way). It is zod's classic API, unchanged, except that `z.locales`
 * and `z.core.locales` hold English only and `z.fromJSONSchema` (building zod schemas from JSON
 * Schema at run time, 12 KB minified that nothing here calls) throws.
 *
 * Why: @hono/zod-openapi calls `extendZodWithOpenApi(z)` with zod's whole namespace object, so the
 * bundler must keep every export of it, including the `locales` namespace with every language
 * (about 260 KiB of the 787 KiB bundle, 38 KiB gzip). Messages are English everywhere in this API,
 * so the other locales were dead weight. Type checking still sees the real "zod" package; only the
 * bundle (and the workers test project) is redirected. Both reach the same zod modules and classes.
 *
 * @example import { z } from "zod"; // in any module of the worker: this file, at bundle time
 */
import * as z from "./index";

export * from "zod/v4";

/** Not bundled: this API defines its schemas in code (a local export shadows the one above). */
export function fromJSONSchema(): never {
  throw new Error("z.fromJSONSchema is not part of this worker's bundle (see src/zod/index.ts)");
}
export * as core from "./core";
export * as locales from "./locales";
export { z, z as default };
