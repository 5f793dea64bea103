import { importJWK, SignJWT, type JWTPayload } from "jose";
import { inject } from "vitest";
import { TEST_JWT_SECRET } from "../setup/test-secrets";

const secret = new TextEncoder().encode(TEST_JWT_SECRET);

/** Claims tests usually vary; anything else can be passed through `extra`. */
export interface TokenOptions {
  sub?: string | undefined;
  role?: string;
  iss?: string;
  aud?: string;
  expiresIn?: string | number;
  notBefore?: string | number;
  extra?: JWTPayload;
  /** HS256 only: sign with this secret instead of the test deployment's (e.g. across a rotation). */
  secret?: string;
}

const build = (o: TokenOptions) => {
  const jwt = new SignJWT({ role: o.role ?? "user", name: o.sub ? `User ${o.sub}` : undefined, ...o.extra })
    .setIssuedAt()
    .setIssuer(o.iss ?? "markets-api")
    .setAudience(o.aud ?? "markets-api")
    .setExpirationTime(o.expiresIn ?? "5m");
  if (o.sub !== undefined) jwt.setSubject(o.sub);
  if (o.notBefore !== undefined) jwt.setNotBefore(o.notBefore);
  return jwt;
};

/** An HS256 token signed with the test deployment's secret (or `o.secret`). */
export const hsToken = (o: TokenOptions = {}) =>
  build({ sub: "alice", ...o })
    .setProtectedHeader({ alg: "HS256" })
    .sign(o.secret === undefined ? secret : new TextEncoder().encode(o.secret));

/** An RS256 token signed by the stand-in identity provider (its key is in the served JWKS). */
export const idpToken = async (o: TokenOptions = {}) => {
  const jwk = inject("idpPrivateJwk");
  const key = await importJWK(jwk, "RS256");
  return build({ sub: "idp-user", ...o })
    .setProtectedHeader({ alg: "RS256", kid: String(jwk.kid) })
    .sign(key);
};

/** A unique subject, so tests never share users or markets. */
export const uniqueSub = (prefix = "u") => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** Base64url without padding, for hand-built tokens. */
export const b64url = (value: string | Uint8Array) =>
  btoa(typeof value === "string" ? value : String.fromCharCode(...value))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
