import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const ConfigSchema = z.object({
  JWT_SECRET: z
    .string({ error: "JWT_SECRET is required (a secret; see README)" })
    .min(32, "JWT_SECRET must be at least 32 characters"),
  JWT_ISSUER: optionalString,
  JWT_AUDIENCE: optionalString,
  JWKS_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  CORS_ORIGINS: z.string().default("*"),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024),
});

/** Settings read once from the worker's environment. */
export interface Config {
  jwt: {
    secret: Uint8Array;
    issuer?: string;
    audience?: string;
    jwksUrl?: string;
    clockToleranceSeconds: number;
  };
  corsOrigins: string[] | "*";
  maxBodyBytes: number;
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
  const origins = v.CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean);
  const config: Config = {
    jwt: {
      secret: new TextEncoder().encode(v.JWT_SECRET),
      issuer: v.JWT_ISSUER,
      audience: v.JWT_AUDIENCE,
      jwksUrl: v.JWKS_URL,
      clockToleranceSeconds: v.JWT_CLOCK_TOLERANCE_SECONDS,
    },
    corsOrigins: origins.length === 0 || origins.includes("*") ? "*" : origins,
    maxBodyBytes: v.MAX_BODY_BYTES,
  };
  cache.set(env, config);
  return config;
}
