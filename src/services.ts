import { CachedMarketRepository } from "./markets/cached-market.repository";
import { CachedPositionRepository } from "./positions/cached-position.repository";
import { FoldedWrites } from "./markets/folded-writes";
import { type CacheStatus, MarketCache } from "./markets/market-cache";
import type { Config } from "./config";
import { createDatabase } from "./db/client";
import { withReadRetries } from "./db/retrying-session";
import { IdempotencyStore } from "./idempotency/d1-idempotency";
import { createLogger, type Logger } from "./log/logger";
import { CursorCodec } from "./pagination/cursor";
import { D1PositionRepository } from "./positions/d1-position.repository";
import type { PositionRepository } from "./positions/position.repository";
import { PositionService } from "./positions/position.service";
import { ReadAdmission } from "./rate-limit/read-admission";
import { D1MarketRepository } from "./markets/d1-market.repository";
import type { MarketRepository } from "./markets/market.repository";
import { MarketService } from "./markets/market.service";
import { MemoryRateLimiter } from "./rate-limit/memory-rate-limiter";
import type { RateLimiter } from "./rate-limit/rate-limiter";
import { UpstashRateLimiter } from "./rate-limit/upstash-rate-limiter";
import type { IndexConsumerDeps } from "./indexing/consumer";
import { IndexFailureRepository } from "./indexing/index-failure.repository";
import type { DeadLetterDeps } from "./indexing/dead-letter";
import { IndexAdminService } from "./indexing/index-admin.service";
import type { IndexJob } from "./indexing/index-job";
import { MarketIndexSource } from "./indexing/market-index-source";
import { IndexJobProducer } from "./indexing/producer";
import { D1VectorIndex } from "./search/d1-vector-index";
import type { Embedder } from "./search/embedder";
import { HashingEmbedder } from "./search/hashing-embedder";
import { KeywordIndex } from "./search/keyword-index";
import { SearchService } from "./markets/market-search.service";
import type { VectorIndex } from "./search/vector-index";
import { VectorizeVectorIndex } from "./search/vectorize-vector-index";
import { WorkersAiEmbedder } from "./search/workers-ai-embedder";

/** Everything handlers call into. */
export interface Services {
  markets: MarketService;
  positions: PositionService;
  search: SearchService;
  /** Search index operations (admin): reindex, lost jobs. */
  indexing: IndexAdminService;
  rateLimiter: RateLimiter;
  /** This isolate's knowledge of identities' budgets, which lets reads skip waiting for the limiter. */
  readAdmission: ReadAdmission;
  /** Responses stored for Idempotency-Key retries. */
  idempotency: IdempotencyStore;
  /** What the KV cache did for this request (absent when caching is off). */
  cacheStatus?: CacheStatus;
  /** Cheapest possible round trip to D1, for health checks. */
  pingDatabase(): Promise<void>;
}

/**
 * `make(config)` built once per config object and kept: config objects are themselves per isolate,
 * so long-lived clients and per-isolate knowledge are built once per isolate.
 */
function perIsolate<T>(make: (config: Config) => T): (config: Config) => T {
  const built = new WeakMap<Config, T>();
  return (config) => {
    let value = built.get(config);
    if (value === undefined) built.set(config, (value = make(config)));
    return value;
  };
}

const cacheWritesFor = perIsolate(() => new FoldedWrites());
const readAdmissionFor = perIsolate(() => new ReadAdmission());
const rateLimiterFor = perIsolate((config): RateLimiter => {
  const { upstash, tiers, timeoutMs, prefix } = config.rateLimit;
  if (upstash) return new UpstashRateLimiter({ ...upstash, tiers, timeoutMs, prefix });
  createLogger().warn(
    "rate limits are local to this isolate: UPSTASH_REDIS_REST_URL/TOKEN are not set (fine for local development only)",
  );
  return new MemoryRateLimiter(tiers);
});

/** The bindings search and indexing adapters are chosen from (AI and VECTORIZE: production only). */
export interface SearchBindings {
  AI?: Ai | undefined;
  VECTORIZE?: VectorizeIndex | undefined;
}

/**
 * Decorators the composition root applies to the search adapters it chose, for callers that
 * measure or inject faults (benchmarks, tests). The adapters themselves are still chosen here.
 */
export interface AdapterOptions {
  wrapEmbedder?: (embedder: Embedder) => Embedder;
  wrapVectorIndex?: (index: VectorIndex) => VectorIndex;
}

/**
 * Workers AI and Vectorize when their bindings exist (production); otherwise the offline
 * stand-ins: the hashing embedder (lexical) and exact cosine search over vectors in D1.
 */
function searchAdapters(bindings: SearchBindings, d1: D1Database | D1DatabaseSession, options: AdapterOptions) {
  const embedder: Embedder = bindings.AI ? new WorkersAiEmbedder(bindings.AI) : new HashingEmbedder();
  const vectorIndex: VectorIndex = bindings.VECTORIZE ? new VectorizeVectorIndex(bindings.VECTORIZE) : new D1VectorIndex(d1);
  return {
    embedder: options.wrapEmbedder?.(embedder) ?? embedder,
    vectorIndex: options.wrapVectorIndex?.(vectorIndex) ?? vectorIndex,
  };
}

/** Per-request inputs of the composition root. */
export interface RequestScope {
  d1: D1DatabaseSession;
  /** A new session whose first statement runs on the primary (reads that must see every commit). */
  primary: () => D1DatabaseSession;
  search: SearchBindings;
  indexQueue: Queue<IndexJob>;
  /** The KV namespace for read caching, when bound. */
  kv?: KVNamespace;
  waitUntil: (promise: Promise<unknown>) => void;
  logger: Logger;
  /** Reads may be answered from the cache (false for writes and bookmarked requests). */
  cacheReads: boolean;
}

/**
 * The composition root: the one place that decides which adapter serves each port, from the
 * configuration and the bindings that exist. Per-request objects here are cheap wrappers.
 */
export function createServices(config: Config, scope: RequestScope, options: AdapterOptions = {}): Services {
  const d1 = withReadRetries(scope.d1);
  const db = createDatabase(d1);
  const cursors = new CursorCodec(config.jwt.secret, config.jwt.previousSecret);
  let marketRepository: MarketRepository = new D1MarketRepository(db);
  let positionRepository: PositionRepository = new D1PositionRepository(db);
  let cacheStatus: CacheStatus | undefined;
  if (scope.kv && config.cacheTtlSeconds > 0) {
    cacheStatus = {};
    const cache = new MarketCache(scope.kv, cacheWritesFor(config), config.cacheTtlSeconds, scope.waitUntil, scope.logger, cacheStatus, scope.cacheReads);
    marketRepository = new CachedMarketRepository(marketRepository, cache);
    positionRepository = new CachedPositionRepository(positionRepository, cache);
  }
  const failures = new IndexFailureRepository(db);
  const producer = new IndexJobProducer(scope.indexQueue, failures, scope.waitUntil, scope.logger);
  const keywords = new KeywordIndex(d1);
  const { embedder, vectorIndex } = searchAdapters(scope.search, d1, options);
  return {
    markets: new MarketService(marketRepository, cursors, producer),
    positions: new PositionService(positionRepository, cursors),
    search: new SearchService(embedder, vectorIndex, keywords, marketRepository, scope.logger),
    indexing: new IndexAdminService(new MarketIndexSource(db), keywords, producer, failures, cursors),
    rateLimiter: rateLimiterFor(config),
    readAdmission: readAdmissionFor(config),
    idempotency: new IdempotencyStore(() => createDatabase(withReadRetries(scope.primary()))),
    ...(cacheStatus ? { cacheStatus } : {}),
    pingDatabase: async () => {
      await d1.prepare("SELECT 1").first();
    },
  };
}

/** What the queue consumers need: the index consumer's and the dead-letter consumer's dependencies. */
export type IndexingServices = IndexConsumerDeps & DeadLetterDeps;

/**
 * The composition root of the queue side: the same adapter choice as requests, over a D1 session
 * that reads the primary (jobs must see the write that produced them).
 */
export function createIndexingServices(env: Env, logger: Logger, options: AdapterOptions = {}): IndexingServices {
  const d1 = env.DB.withSession("first-primary");
  const db = createDatabase(d1);
  return {
    source: new MarketIndexSource(db),
    failures: new IndexFailureRepository(db),
    ...searchAdapters(env, d1, options),
    logger,
  };
}

/**
 * The search service alone, over the worker's bindings (uncached reads, any replica): for code
 * that searches outside a request, such as a benchmark running inside a worker.
 *
 * @example const { items } = await createSearchService(env, logger).search({ q: "rain", limit: 10, mode: "hybrid" });
 */
export function createSearchService(env: Env, logger: Logger, options: AdapterOptions = {}): SearchService {
  const d1 = env.DB.withSession("first-unconstrained");
  const { embedder, vectorIndex } = searchAdapters(env, d1, options);
  return new SearchService(embedder, vectorIndex, new KeywordIndex(d1), new D1MarketRepository(createDatabase(d1)), logger);
}
