import { z } from "@hono/zod-openapi";

/** The `meta` of a keyset-paged list: the page size asked for, whether more rows exist, and the cursor to them. */
export const CursorPageMetaSchema = z
  .object({ limit: z.number().int(), hasMore: z.boolean(), nextCursor: z.string().nullable() })
  .openapi("CursorPageMeta");
