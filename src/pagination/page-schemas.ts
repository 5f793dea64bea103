import { z } from "@hono/zod-openapi";
import { errorResponses, jsonResponse, pageSchema } from "../http/envelope";

/** The `meta` of a keyset-paged list: the page size asked for, whether more rows exist, and the cursor to them. */
export const CursorPageMetaSchema = z
  .object({ limit: z.number().int(), hasMore: z.boolean(), nextCursor: z.string().nullable() })
  .openapi("CursorPageMeta");

/**
 * The responses of a list operation: 200 with a page of `item` described by `meta`, and the
 * failures it can produce.
 *
 * @example responses: pageResponses(PositionSchema, CursorPageMetaSchema, "A page of positions", 400, 401, 404)
 */
export const pageResponses = <T extends z.ZodType, M extends z.ZodObject>(
  item: T,
  meta: M,
  description: string,
  ...failures: Parameters<typeof errorResponses>
) => ({
  200: jsonResponse(pageSchema(item, meta), description),
  ...errorResponses(...failures),
});
