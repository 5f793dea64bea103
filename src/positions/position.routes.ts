import { createRoute } from "@hono/zod-openapi";
import { IDEMPOTENCY_DESCRIPTION, IDEMPOTENCY_PARAMETER } from "../idempotency/idempotency";
import { requirePermission } from "../auth/require-permission";
import { errorResponses, jsonBody, jsonResponse, pageSchema, successSchema } from "../http/envelope";
import { optionalAuth } from "../http/openapi-contract";
import { MarketIdParamSchema } from "../markets/market.schemas";
import {
  CursorPageMetaSchema,
  MyPositionSchema,
  PlacedPositionSchema,
  PositionInputSchema,
  PositionPageQuerySchema,
  PositionSchema,
} from "./position.schemas";

const tags = ["Positions"];
const security = [{ bearerAuth: [] }];

export const placePosition = createRoute({
  method: "post",
  path: "/api/markets/{id}/positions",
  operationId: "createPosition",
  tags,
  summary: "Take a position on an active market",
  description: `Writes the position and adds its amount to the market's volume in one transaction. ${IDEMPOTENCY_DESCRIPTION}`,
  security,
  middleware: [requirePermission("write")] as const,
  parameters: [IDEMPOTENCY_PARAMETER],
  request: {
    params: MarketIdParamSchema,
    body: jsonBody(PositionInputSchema),
  },
  responses: {
    201: jsonResponse(successSchema(PlacedPositionSchema), "The position and the market's new volume"),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const listMarketPositions = createRoute({
  method: "get",
  path: "/api/markets/{id}/positions",
  operationId: "listPositions",
  tags,
  summary: "A market's positions, newest first",
  description: "Keyset-paged: pass meta.nextCursor as `cursor`.",
  security: optionalAuth,
  request: { params: MarketIdParamSchema, query: PositionPageQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(PositionSchema, CursorPageMetaSchema), "A page of positions"),
    ...errorResponses(400, 401, 404),
  },
});

export const listMyPositions = createRoute({
  method: "get",
  path: "/api/me/positions",
  operationId: "listMyPositions",
  tags,
  summary: "The caller's positions with their markets, newest first",
  description: "Keyset-paged like every list; never cached (`private, no-store`).",
  security,
  middleware: [requirePermission("read")] as const,
  request: { query: PositionPageQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(MyPositionSchema, CursorPageMetaSchema), "A page of positions"),
    ...errorResponses(400, 401),
  },
});
