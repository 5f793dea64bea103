import { OpenAPIHono } from "@hono/zod-openapi";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { adminRouter } from "./admin/admin.handlers";
import { authenticate } from "./auth/authenticate";
import type { AppEnv } from "./env";
import { healthRouter } from "./health/health.handlers";
import { limitBody } from "./http/body-limit";
import { cacheHeaders, conditionalGet } from "./http/cache-headers";
import { requireJsonBody } from "./http/content-type";
import { crossOrigin } from "./http/cors";
import { DOCS_ASSETS_PATH, docsPage } from "./http/docs-page";
import { handleError } from "./http/error-handler";
import { literalPathsWin, notFoundOrMethodNotAllowed } from "./http/not-found";
import { registerHttpContract } from "./http/openapi-contract";
import { openApiDocument } from "./http/openapi-document";
import { openApiRoute } from "./http/openapi-route";
import { perConfig } from "./http/per-config";
import { requestContext } from "./http/request-context";
import { saneRequestId } from "./http/request-id";
import { searchRouter } from "./markets/market-search.handlers";
import { marketRouter } from "./markets/market.handlers";
import { positionRouter } from "./positions/position.handlers";
import { rateLimit } from "./rate-limit/rate-limit.middleware";
import { requestServices } from "./request-services";

const REQUEST_ID_HEADER = "X-Request-Id";

/**
 * Builds the Hono app: middleware in request-path order, then the feature routers.
 * Exported as a function so tests and benchmarks get a fresh app without module state.
 */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>();

  app.use("*", requestId({ headerName: REQUEST_ID_HEADER, limitLength: 128 }));
  app.use("*", saneRequestId({ headerName: REQUEST_ID_HEADER }));
  app.use("*", requestContext());
  app.use("*", secureHeaders());
  app.use("*", perConfig((config) => crossOrigin({ origins: config.corsOrigins })));
  app.use("*", requestServices());
  app.use("/api/*", perConfig((config) => limitBody({ maxBytes: config.maxBodyBytes })));
  app.use("/api/*", requireJsonBody());
  // Only /api/* reads a token: nothing else needs a caller, and there the limiter right after
  // charges refused tokens to the caller's address.
  app.use("/api/*", authenticate());
  app.use("/api/*", rateLimit());
  app.use("/api/*", conditionalGet());
  app.use("/api/*", cacheHeaders());
  app.use("/api/*", literalPathsWin(app));

  // The search router comes before the market router, so GET /api/markets/search is never read as
  // the market with id "search"; literalPathsWin does the same for the other methods.
  const routes = app
    .route("/", healthRouter)
    .route("/", searchRouter)
    .route("/", marketRouter)
    .route("/", positionRouter)
    .route("/", adminRouter);

  registerHttpContract(app);
  app.get("/openapi.json", openApiRoute((origin) => openApiDocument(app, origin)));
  // The page is rendered here; its script and stylesheet are static assets under /docs/assets
  // (copied from swagger-ui-dist by scripts/docs-assets.mjs), so it works without any CDN.
  app.get("/docs", docsPage({ title: "Markets API reference", url: "/openapi.json", baseUrl: DOCS_ASSETS_PATH, persistAuthorization: true }));

  app.notFound(notFoundOrMethodNotAllowed(app));
  app.onError(handleError);
  return routes;
}

/** The app's type, for Hono's RPC client (`hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>;
