import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import * as z from "zod";
import type { Config } from "../config";
import { ROLES } from "../db/schema";
import type { Principal } from "./principal";

/** A token that must be refused; `reason` is safe to show the client. */
export class InvalidTokenError extends Error {
  override name = "InvalidTokenError";
}

// Algorithms are pinned per key type so a token can never choose how it is verified
// (e.g. an HS256 token "signed" with an RSA public key is checked against the HMAC secret).
const SECRET_ALGORITHMS = ["HS256"];
const JWKS_ALGORITHMS = ["RS256", "ES256"];

const ClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  role: z.enum(ROLES).optional(),
  email: z.email().optional(),
  name: z.string().min(1).max(200).optional(),
});

// One JWKS per URL per isolate: jose caches keys and rate-limits refetches inside it.
const jwksCache = new Map<string, JWTVerifyGetKey>();
const jwksFor = (url: string) => {
  let jwks = jwksCache.get(url);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(url), { timeoutDuration: 3000, cooldownDuration: 30_000 });
    jwksCache.set(url, jwks);
  }
  return jwks;
};

// The HMAC key imported once per secret per isolate: handing jose the raw secret would make it
// import the key again for every token it verifies.
const hmacKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
const hmacKeyFor = (secret: Uint8Array) => {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    key.catch(() => hmacKeys.delete(secret));
    hmacKeys.set(secret, key);
  }
  return key;
};

/**
 * Verifies a compact JWT and returns the caller it names.
 * HS256 uses the shared secret (or, during a rotation, the previous one); RS256/ES256 use the
 * configured JWKS (and only when one is set).
 *
 * @example const principal = await verifyToken(token, config.jwt);
 */
export async function verifyToken(token: string, jwt: Config["jwt"]): Promise<Principal> {
  let alg: string | undefined;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw new InvalidTokenError("Malformed token");
  }
  const options = {
    issuer: jwt.issuer,
    audience: jwt.audience,
    clockTolerance: jwt.clockToleranceSeconds,
    requiredClaims: ["exp"],
  };
  let payload: JWTPayload;
  try {
    if (alg && SECRET_ALGORITHMS.includes(alg)) {
      const hmac = { ...options, algorithms: SECRET_ALGORITHMS };
      try {
        ({ payload } = await jwtVerify(token, await hmacKeyFor(jwt.secret), hmac));
      } catch (err) {
        // During a rotation a token signed with the previous secret is still good; only a bad
        // signature is retried, so an expired or foreign token fails the same way either way.
        if (!jwt.previousSecret || !(err instanceof errors.JWSSignatureVerificationFailed)) throw err;
        ({ payload } = await jwtVerify(token, await hmacKeyFor(jwt.previousSecret), hmac));
      }
    } else if (alg && jwt.jwksUrl && JWKS_ALGORITHMS.includes(alg)) {
      ({ payload } = await jwtVerify(token, jwksFor(jwt.jwksUrl), { ...options, algorithms: JWKS_ALGORITHMS }));
    } else {
      throw new InvalidTokenError(`Unsupported token algorithm ${JSON.stringify(alg ?? null)}`);
    }
  } catch (err) {
    throw new InvalidTokenError(describe(err));
  }
  const claims = ClaimsSchema.safeParse(payload);
  if (!claims.success) {
    const fields = claims.error.issues.map((i) => i.path.join(".") || "claims").join(", ");
    throw new InvalidTokenError(`Invalid token claims: ${fields}`);
  }
  const { sub, role, email, name } = claims.data;
  return { id: sub, role: role ?? "user", claims: { name: name ?? null, email: email ?? null, role: role ?? null } };
}

function describe(err: unknown): string {
  if (err instanceof InvalidTokenError) return err.message;
  if (err instanceof errors.JWTExpired) return "Token expired";
  if (err instanceof errors.JWTClaimValidationFailed) return `Token claim "${err.claim}" is not valid`;
  if (err instanceof errors.JWSSignatureVerificationFailed) return "Token signature is not valid";
  if (err instanceof errors.JOSEAlgNotAllowed) return "Token algorithm is not allowed";
  if (err instanceof errors.JWKSNoMatchingKey) return "No key matches the token";
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JOSEError) return "Token could not be verified";
  return "Token could not be verified";
}
