import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { authenticate } from "./auth/middleware";
import type { Config } from "./config";
import type { AppEnv } from "./env";
import { healthRouter } from "./health/health.handlers";
import { cacheHeaders, conditionalGet } from "./http/cache-headers";
import { requireJsonBody } from "./http/content-type";
import { docsPage } from "./http/docs-page";
import { handleError } from "./http/error-handler";
import { ApiError } from "./http/errors";
import { setResponseHeaders } from "./http/response-headers";
import { literalPathsWin, notFoundOrMethodNotAllowed } from "./http/not-found";
import { applyHttpContract, registerHttpContract } from "./http/openapi-contract";
import { openApiRoute } from "./http/openapi-route";
import { requestContext, requestServices } from "./http/request-context";
import { marketRouter } from "./markets/market.handlers";
import { adminRouter } from "./admin/admin.handlers";
import { positionRouter } from "./positions/position.handlers";
import { searchRouter } from "./search/search.handlers";
import { rateLimit } from "./rate-limit/middleware";

/** Top-level fields of the OpenAPI document; paths and components come from the route definitions. */
export const OPENAPI_DOCUMENT = {
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

/** Where the static assets of the /docs page are served from (see wrangler.toml [assets]). */
export const DOCS_ASSETS_PATH = "/docs/assets";

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

// Middleware that depends on the configuration is built once per configuration (i.e. per
// isolate, as the config is), not on every request.
const built = new WeakMap<(config: Config) => MiddlewareHandler, WeakMap<Config, MiddlewareHandler>>();
function perConfig(build: (config: Config) => MiddlewareHandler, config: Config): MiddlewareHandler {
  let byConfig = built.get(build);
  if (!byConfig) built.set(build, (byConfig = new WeakMap()));
  let handler = byConfig.get(config);
  if (!handler) byConfig.set(config, (handler = build(config)));
  return handler;
}

const CORS_EXPOSED = ["X-Request-Id", "X-D1-Bookmark", "X-Cache", "ETag", "Location", "Idempotent-Replayed", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"];

/**
 * CORS: Hono's middleware answers preflights; on other requests the same two headers (plus
 * `Vary: Origin` for an origin list) are set on the finished response. Hono's version sets them on
 * a Response it creates before the route runs, which Hono then copies into the route's response:
 * two extra Response/Headers copies on every request.
 */
const corsFor = (config: Config): MiddlewareHandler => {
  const preflight = cors({
    origin: config.corsOrigins,
    allowHeaders: ["Authorization", "Content-Type", "X-Request-Id", "X-D1-Bookmark", "If-None-Match", "If-Match", "Idempotency-Key"],
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    exposeHeaders: CORS_EXPOSED,
    maxAge: 600,
  });
  const origins = config.corsOrigins;
  const exposed = CORS_EXPOSED.join(",");
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    await next();
    const origin = c.req.header("origin") ?? "";
    setResponseHeaders(
      c,
      {
        "Access-Control-Allow-Origin": origins === "*" ? "*" : origins.includes(origin) ? origin : undefined,
        "Access-Control-Expose-Headers": exposed,
        Vary: origins === "*" ? undefined : "Origin",
      },
      ["Vary"],
    );
  };
};

const bodyLimitFor = (config: Config) =>
  bodyLimit({
    maxSize: config.maxBodyBytes,
    onError: () => {
      throw new ApiError(413, "payload_too_large", `Request body exceeds ${config.maxBodyBytes} bytes`);
    },
  });

/**
 * Builds the Hono app: middleware in request-path order, then the feature routers.
 * Exported as a function so tests and benchmarks get a fresh app without module state.
 */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>();

  app.use("*", requestId({ headerName: "X-Request-Id", limitLength: 128 }));
  // Hono's own check allows `=`; stricter ids keep log lines and headers boring.
  app.use("*", async (c, next) => {
    if (!SANE_REQUEST_ID.test(c.get("requestId"))) {
      c.set("requestId", crypto.randomUUID());
      c.header("X-Request-Id", c.get("requestId"));
    }
    return next();
  });
  app.use("*", requestContext);
  app.use("*", secureHeaders());
  app.use("*", (c, next) => perConfig(corsFor, c.get("config"))(c, next));
  app.use("*", requestServices);
  app.use("/api/*", (c, next) => perConfig(bodyLimitFor, c.get("config"))(c, next));
  app.use("/api/*", requireJsonBody);
  // Only /api/* reads a token: nothing else needs a caller, and there the limiter right after
  // charges refused tokens to the caller's address.
  app.use("/api/*", authenticate);
  app.use("/api/*", rateLimit);
  app.use("/api/*", conditionalGet);
  app.use("/api/*", cacheHeaders);
  app.use("/api/*", literalPathsWin(app));

  // The search router comes before the market router, so GET /api/markets/search is never read as
  // the market with id "search"; literalPathsWin does the same for the other methods.
  const routes = app
    .route("/", healthRouter)
    .route("/", searchRouter)
    .route("/", marketRouter)
    .route("/", positionRouter)
    .route("/", adminRouter);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "HS256 with the deployment's secret, or RS256/ES256 from the configured JWKS.",
  });
  registerHttpContract(app);
  app.get("/openapi.json", openApiRoute((origin) => openApiDocument(app, origin)));
  // The page is rendered here; its script and stylesheet are static assets under /docs/assets
  // (copied from swagger-ui-dist by scripts/docs-assets.mjs), so it works without any CDN.
  app.get("/docs", docsPage({ title: "Markets API reference", url: "/openapi.json", baseUrl: DOCS_ASSETS_PATH, persistAuthorization: true }));

  app.notFound(notFoundOrMethodNotAllowed(app));
  app.onError(handleError);
  return routes;
}

/**
 * The OpenAPI 3.1 document of an app built by {@link createApp}, as served at /openapi.json.
 * `origin`, the deployment serving it, becomes the first server: Swagger UI and generators
 * default to the first one, which should be where the document came from (under `npm run dev`,
 * http://localhost:8787). A fixed localhost entry would send a production document's readers there.
 */
export function openApiDocument(app: OpenAPIHono<any, any, any>, origin?: string) {
  const self = origin ? [{ url: origin, description: "This deployment" }] : [];
  return applyHttpContract(app.getOpenAPI31Document({ ...OPENAPI_DOCUMENT, servers: [...self, ...OPENAPI_DOCUMENT.servers] }));
}

/** The app's type, for Hono's RPC client (`hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>;
