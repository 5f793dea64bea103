import { createRoute } from "@hono/zod-openapi";
import { IDEMPOTENCY_DESCRIPTION, IDEMPOTENCY_PARAMETER } from "../idempotency/idempotency";
import { requirePermission } from "../auth/middleware";
import { errorResponses, jsonBody, jsonResponse, pageSchema, successSchema } from "../http/envelope";
import {
  CreateMarketSchema,
  MarketIdParamSchema,
  MarketListQuerySchema,
  MarketSchema,
  MarketSummarySchema,
  PageMetaSchema,
  PatchMarketSchema,
  ReplaceMarketSchema,
} from "./market.schemas";

const tags = ["Markets"];
const security = [{ bearerAuth: [] }];

export const listMarkets = createRoute({
  method: "get",
  path: "/api/markets",
  tags,
  summary: "List markets",
  request: { query: MarketListQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(MarketSummarySchema, PageMetaSchema), "A page of markets"),
    ...errorResponses(400, 401),
  },
});

export const getMarket = createRoute({
  method: "get",
  path: "/api/markets/{id}",
  tags,
  summary: "Get a market",
  request: { params: MarketIdParamSchema },
  responses: { 200: jsonResponse(successSchema(MarketSchema), "The market"), ...errorResponses(400, 401, 404) },
});

export const createMarket = createRoute({
  method: "post",
  path: "/api/markets",
  tags,
  summary: "Create a market",
  description: IDEMPOTENCY_DESCRIPTION,
  security,
  middleware: [requirePermission("write")] as const,
  parameters: [IDEMPOTENCY_PARAMETER],
  request: { body: jsonBody(CreateMarketSchema) },
  responses: {
    201: jsonResponse(successSchema(MarketSchema), "The created market"),
    ...errorResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

const changeResponses = {
  200: jsonResponse(successSchema(MarketSchema), "The updated market"),
  ...errorResponses(400, 401, 403, 404, 409, 413, 415),
};

export const replaceMarket = createRoute({
  method: "put",
  path: "/api/markets/{id}",
  tags,
  summary: "Replace a market's editable fields",
  description: "Only the creator, a moderator or an admin may change a market. Resolved markets are final.",
  security,
  middleware: [requirePermission("write")] as const,
  request: { params: MarketIdParamSchema, body: jsonBody(ReplaceMarketSchema) },
  responses: changeResponses,
});

export const patchMarket = createRoute({
  method: "patch",
  path: "/api/markets/{id}",
  tags,
  summary: "Change some of a market's fields",
  description: "Only the creator, a moderator or an admin may change a market. Resolved markets are final.",
  security,
  middleware: [requirePermission("write")] as const,
  request: { params: MarketIdParamSchema, body: jsonBody(PatchMarketSchema) },
  responses: changeResponses,
});

export const deleteMarket = createRoute({
  method: "delete",
  path: "/api/markets/{id}",
  tags,
  summary: "Delete a market (moderators and admins)",
  security,
  middleware: [requirePermission("delete")] as const,
  request: { params: MarketIdParamSchema },
  responses: { 204: { description: "Deleted" }, ...errorResponses(400, 401, 403, 404) },
});
