import { SignJWT } from "jose";
import { unstable_readConfig } from "wrangler";
import { ensureDevSecret } from "./dev-vars.mjs";

/**
 * A dev token signed with the local secret (.dev.vars), carrying the issuer/audience from
 * wrangler.toml, as the worker in `npm run dev` expects.
 * @param {{ sub: string, role: string, name?: string, email?: string, ttl?: string }} o
 * @returns {Promise<string>}
 */
export async function mintToken(o) {
  const { vars } = unstable_readConfig({ config: "wrangler.toml" }, { hideWarnings: true });
  const jwt = new SignJWT({ role: o.role, name: o.name ?? o.sub, ...(o.email ? { email: o.email } : {}) })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(o.sub)
    .setIssuedAt()
    .setExpirationTime(o.ttl ?? "1h");
  if (vars.JWT_ISSUER) jwt.setIssuer(String(vars.JWT_ISSUER));
  if (vars.JWT_AUDIENCE) jwt.setAudience(String(vars.JWT_AUDIENCE));
  return jwt.sign(new TextEncoder().encode(ensureDevSecret()));
}
