import { createRoute, type z } from "@hono/zod-openapi";
import { IDEMPOTENCY_DESCRIPTION, IDEMPOTENCY_PARAMETER } from "../idempotency/idempotency";
import { requires } from "../auth/route-access";
import { optionalAuth } from "../http/openapi-contract";
import { IF_MATCH_PARAMETER } from "../http/preconditions";
import { errorResponses, jsonBody, jsonResponse, successSchema } from "../http/envelope";
import { pageResponses } from "../pagination/page-schemas";
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

export const listMarkets = createRoute({
  method: "get",
  path: "/api/markets",
  operationId: "listMarkets",
  tags,
  summary: "List markets",
  description: "Pages by `cursor` (keyset, any depth) or by `offset` (at most 10000, slower); not both at once.",
  security: optionalAuth,
  request: { query: MarketListQuerySchema },
  responses: pageResponses(MarketSummarySchema, PageMetaSchema, "A page of markets", 400, 401),
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
  ...requires("write"),
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

/** PUT and PATCH differ only in method, naming and the body's schema. */
const changeRoute = <M extends "put" | "patch", B extends z.ZodType>(
  method: M,
  operationId: string,
  summary: string,
  description: string,
  body: B,
) => ({
  method,
  path: "/api/markets/{id}" as const,
  operationId,
  tags,
  summary,
  description,
  ...requires("write"),
  parameters: [IF_MATCH_PARAMETER],
  request: { params: MarketIdParamSchema, body: jsonBody(body) },
  responses: changeResponses,
});

export const replaceMarket = createRoute(changeRoute("put", "replaceMarket", "Replace a market's editable fields", CHANGE_RULES, ReplaceMarketSchema));

export const patchMarket = createRoute(changeRoute("patch", "updateMarket", "Change some of a market's fields", `${CHANGE_RULES} At least one field.`, PatchMarketSchema));

export const deleteMarket = createRoute({
  method: "delete",
  path: "/api/markets/{id}",
  operationId: "deleteMarket",
  tags,
  summary: "Delete a market (moderators and admins)",
  description:
    "Only a market without positions can be deleted (positions are financial records: close or resolve the market instead; 409). `If-Match` as for changes.",
  ...requires("delete"),
  parameters: [IF_MATCH_PARAMETER],
  request: { params: MarketIdParamSchema },
  responses: { 204: { description: "Deleted" }, ...errorResponses(400, 401, 403, 404, 409, 412) },
});
