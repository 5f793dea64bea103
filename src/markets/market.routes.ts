import { createRoute } from "@hono/zod-openapi";
import { IDEMPOTENCY_DESCRIPTION, IDEMPOTENCY_PARAMETER } from "../idempotency/idempotency";
import { requirePermission } from "../auth/require-permission";
import { optionalAuth } from "../http/openapi-contract";
import { IF_MATCH_PARAMETER } from "../http/preconditions";
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
const LOCATION = { description: "The new market's path", schema: { type: "string" as const, example: "/api/markets/2f0c3b1e-8d7a-4c55-9b1e-3f1a2b4c5d6e" } };
const security = [{ bearerAuth: [] }];

export const listMarkets = createRoute({
  method: "get",
  path: "/api/markets",
  operationId: "listMarkets",
  tags,
  summary: "List markets",
  description: "Pages by `cursor` (keyset, any depth) or by `offset` (at most 10000, slower); not both at once.",
  security: optionalAuth,
  request: { query: MarketListQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(MarketSummarySchema, PageMetaSchema), "A page of markets"),
    ...errorResponses(400, 401),
  },
});

export const getMarket = createRoute({
  method: "get",
  path: "/api/markets/{id}",
  operationId: "getMarket",
  tags,
  summary: "Get a market",
  description: "The market with its description and creator.",
  security: optionalAuth,
  request: { params: MarketIdParamSchema },
  responses: { 200: jsonResponse(successSchema(MarketSchema), "The market"), ...errorResponses(400, 401, 404) },
});

export const createMarket = createRoute({
  method: "post",
  path: "/api/markets",
  operationId: "createMarket",
  tags,
  summary: "Create a market",
  description: IDEMPOTENCY_DESCRIPTION,
  security,
  middleware: [requirePermission("write")] as const,
  parameters: [IDEMPOTENCY_PARAMETER],
  request: { body: jsonBody(CreateMarketSchema) },
  responses: {
    201: { ...jsonResponse(successSchema(MarketSchema), "The created market"), headers: { Location: LOCATION } },
    ...errorResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

const changeResponses = {
  200: jsonResponse(successSchema(MarketSchema), "The updated market (with its new ETag)"),
  ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415),
};
const CHANGE_RULES =
  "Only the creator, a moderator or an admin may change a market. Resolved markets are final. Send `If-Match` with the ETag of your last read to change only that version of the market (412 otherwise).";

export const replaceMarket = createRoute({
  method: "put",
  path: "/api/markets/{id}",
  operationId: "replaceMarket",
  tags,
  summary: "Replace a market's editable fields",
  description: CHANGE_RULES,
  security,
  middleware: [requirePermission("write")] as const,
  parameters: [IF_MATCH_PARAMETER],
  request: { params: MarketIdParamSchema, body: jsonBody(ReplaceMarketSchema) },
  responses: changeResponses,
});

export const patchMarket = createRoute({
  method: "patch",
  path: "/api/markets/{id}",
  operationId: "updateMarket",
  tags,
  summary: "Change some of a market's fields",
  description: `${CHANGE_RULES} At least one field.`,
  security,
  middleware: [requirePermission("write")] as const,
  parameters: [IF_MATCH_PARAMETER],
  request: { params: MarketIdParamSchema, body: jsonBody(PatchMarketSchema) },
  responses: changeResponses,
});

export const deleteMarket = createRoute({
  method: "delete",
  path: "/api/markets/{id}",
  operationId: "deleteMarket",
  tags,
  summary: "Delete a market (moderators and admins)",
  description:
    "Only a market without positions can be deleted (positions are financial records: close or resolve the market instead; 409). `If-Match` as for changes.",
  security,
  middleware: [requirePermission("delete")] as const,
  parameters: [IF_MATCH_PARAMETER],
  request: { params: MarketIdParamSchema },
  responses: { 204: { description: "Deleted" }, ...errorResponses(400, 401, 403, 404, 409, 412) },
});
