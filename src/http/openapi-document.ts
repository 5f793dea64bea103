import type { OpenAPIHono } from "@hono/zod-openapi";
import { applyHttpContract } from "./openapi-contract";

/** Top-level fields of the OpenAPI document; paths and components come from the route definitions. */
const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Markets API",
    version: "0.1.0",
    description:
      "Prediction markets at the edge. Errors share one envelope (ErrorEnvelope). A method a path does not list is a 405 `method_not_allowed` whose `Allow` header lists the methods it has; literal segments win over ids (`/api/markets/search`).",
  },
  servers: [
    {
      url: "https://markets-api.{subdomain}.workers.dev",
      // No description on the variable: the published 3.1 schema misspells that field.
      description: "Production: {subdomain} is the account's workers.dev subdomain",
      variables: { subdomain: { default: "your-account" } },
    },
  ],
  tags: [
    { name: "Markets", description: "Markets: list, search, read and change them" },
    { name: "Positions", description: "Stakes taken on markets" },
    { name: "Admin", description: "Search index operations (admin role)" },
    { name: "Operations", description: "Health of the deployment" },
  ],
};

/**
 * The OpenAPI 3.1 document of an app built by `createApp`, as served at /openapi.json.
 * `origin`, the deployment serving it, becomes the first server: Swagger UI and generators
 * default to the first one, which should be where the document came from (under `npm run dev`,
 * http://localhost:8787). A fixed localhost entry would send a production document's readers there.
 *
 * @example const doc = openApiDocument(createApp(), "https://markets-api.example.workers.dev");
 */
export function openApiDocument(app: OpenAPIHono<any, any, any>, origin?: string) {
  const self = origin ? [{ url: origin, description: "This deployment" }] : [];
  return applyHttpContract(app.getOpenAPI31Document({ ...OPENAPI_DOCUMENT, servers: [...self, ...OPENAPI_DOCUMENT.servers] }));
}
