import * as z from "zod";
import { RATE_LIMIT_TIERS, type RateLimitTier, type TierLimit } from "./rate-limit/rate-limiter";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const flag = z
  .enum(["true", "false", ""])
  .optional()
  .transform((v) => v === "true");

// "anonymous=60/60s,user=300/60s": any tier left out keeps its default.
const DEFAULT_TIERS: Record<RateLimitTier, TierLimit> = {
  anonymous: { limit: 60, windowSeconds: 60 },
  user: { limit: 300, windowSeconds: 60 },
  write: { limit: 30, windowSeconds: 60 },
  admin: { limit: 10, windowSeconds: 60 },
};
const TIER_ENTRY = /^(\w+)=(\d+)\/(\d+)(s|m)$/;
const tiersSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const tiers = { ...DEFAULT_TIERS };
    for (const entry of (raw ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
      const m = TIER_ENTRY.exec(entry);
      const tier = m?.[1] as RateLimitTier | undefined;
      if (!m || !tier || !RATE_LIMIT_TIERS.includes(tier) || Number(m[2]) < 1 || Number(m[3]) < 1) {
        ctx.addIssue({ code: "custom", message: `bad entry "${entry}" (want <${RATE_LIMIT_TIERS.join("|")}>=<n>/<n>s|m)` });
        return z.NEVER;
      }
      tiers[tier] = { limit: Number(m[2]), windowSeconds: Number(m[3]) * (m[4] === "m" ? 60 : 1) };
    }
    return tiers;
  });

const ConfigSchema = z.object({
  ENVIRONMENT: z.enum(["development", "production"]).default("development"),
  JWT_SECRET: z
    .string({ error: "JWT_SECRET is required (a secret; see README)" })
    .min(32, "JWT_SECRET must be at least 32 characters"),
  // Set only while rotating: tokens and cursors signed with it stay valid (docs/operations.md).
  JWT_SECRET_PREVIOUS: optionalString.pipe(z.string().min(32, "JWT_SECRET_PREVIOUS must be at least 32 characters").optional()),
  JWT_ISSUER: optionalString,
  JWT_AUDIENCE: optionalString,
  JWKS_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  CORS_ORIGINS: z.string().default("*"),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  UPSTASH_REDIS_REST_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  RATE_LIMITS: tiersSchema,
  CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  RATE_LIMIT_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(1000),
  RATE_LIMIT_FAIL_CLOSED_WRITES: flag,
  RATE_LIMIT_REQUIRE_UPSTASH: flag,
  // Key namespace in Redis: deployments (or local dev servers) sharing one database keep apart.
  RATE_LIMIT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, "1-64 of A-Z a-z 0-9 . _ : -")
    .default("ratelimit"),
});

/** Settings read once from the worker's environment. */
export interface Config {
  jwt: {
    /** Verifies and signs. */
    secret: Uint8Array;
    /** The secret being rotated out: still verifies (tokens and cursors), never signs. */
    previousSecret?: Uint8Array;
    issuer?: string;
    audience?: string;
    jwksUrl?: string;
    clockToleranceSeconds: number;
  };
  corsOrigins: string[] | "*";
  maxBodyBytes: number;
  /** KV entry lifetime for cached reads; 0 turns the KV cache off. */
  cacheTtlSeconds: number;
  rateLimit: {
    /** Absent: the in-memory, per-isolate limiter (local development only). */
    upstash?: { url: string; token: string };
    tiers: Record<RateLimitTier, TierLimit>;
    timeoutMs: number;
    /** When the limiter cannot answer, refuse writes (503) instead of letting them through. */
    failClosedWrites: boolean;
    /** Namespace of the limiter's Redis keys (`<prefix>:<tier>:<identity>`). */
    prefix: string;
  };
}

/** Thrown when the environment cannot run the API; surfaced loudly, never worked around. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const cache = new WeakMap<object, Config>();

/**
 * Parses the worker's vars and secrets once per isolate (the env object is stable per isolate).
 * Misconfiguration throws a ConfigError naming every bad variable.
 *
 * @example const config = loadConfig(env);
 */
export function loadConfig(env: Record<string, unknown>): Config {
  const hit = cache.get(env);
  if (hit) return hit;
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const v = parsed.data;
  if (Boolean(v.UPSTASH_REDIS_REST_URL) !== Boolean(v.UPSTASH_REDIS_REST_TOKEN)) {
    throw new ConfigError("Invalid configuration: UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together");
  }
  if (v.ENVIRONMENT === "production") {
    const plain = (["JWKS_URL", "UPSTASH_REDIS_REST_URL"] as const).filter((k) => v[k] !== undefined && new URL(v[k]).protocol !== "https:");
    if (plain.length > 0) throw new ConfigError(`Invalid configuration: ${plain.join(", ")} must use https:// in production`);
  }
  if (v.RATE_LIMIT_REQUIRE_UPSTASH && !v.UPSTASH_REDIS_REST_URL) {
    throw new ConfigError("Invalid configuration: RATE_LIMIT_REQUIRE_UPSTASH is set but UPSTASH_REDIS_REST_URL/TOKEN are not");
  }
  const origins = v.CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean);
  const config: Config = {
    jwt: {
      secret: new TextEncoder().encode(v.JWT_SECRET),
      ...(v.JWT_SECRET_PREVIOUS ? { previousSecret: new TextEncoder().encode(v.JWT_SECRET_PREVIOUS) } : {}),
      issuer: v.JWT_ISSUER,
      audience: v.JWT_AUDIENCE,
      jwksUrl: v.JWKS_URL,
      clockToleranceSeconds: v.JWT_CLOCK_TOLERANCE_SECONDS,
    },
    corsOrigins: origins.length === 0 || origins.includes("*") ? "*" : origins,
    maxBodyBytes: v.MAX_BODY_BYTES,
    cacheTtlSeconds: v.CACHE_TTL_SECONDS,
    rateLimit: {
      ...(v.UPSTASH_REDIS_REST_URL && v.UPSTASH_REDIS_REST_TOKEN
        ? { upstash: { url: v.UPSTASH_REDIS_REST_URL, token: v.UPSTASH_REDIS_REST_TOKEN } }
        : {}),
      tiers: v.RATE_LIMITS,
      timeoutMs: v.RATE_LIMIT_TIMEOUT_MS,
      failClosedWrites: v.RATE_LIMIT_FAIL_CLOSED_WRITES,
      prefix: v.RATE_LIMIT_PREFIX,
    },
  };
  cache.set(env, config);
  return config;
}
