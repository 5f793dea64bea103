import { SignJWT } from "jose";
import { unstable_readConfig } from "wrangler";
import { ensureDevSecret } from "./dev-vars.mjs";

/**
 * A dev token signed with the local secret (.dev.vars), carrying the issuer/audience from
 * wrangler.toml, as the worker in `npm run dev` expects. Only the claims asked for are set: a
 * claim left out keeps what the API has stored for the user (a name is never reset to the sub).
 * @param {{ sub: string, role?: string, name?: string, email?: string, ttl?: string }} o
 * @returns {Promise<string>}
 */
export async function mintToken(o) {
  const { vars } = unstable_readConfig({ config: "wrangler.toml" }, { hideWarnings: true });
  const claims = Object.fromEntries(Object.entries({ role: o.role, name: o.name, email: o.email }).filter(([, v]) => v !== undefined));
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(o.sub)
    .setIssuedAt()
    .setExpirationTime(o.ttl ?? "1h");
  if (vars.JWT_ISSUER) jwt.setIssuer(String(vars.JWT_ISSUER));
  if (vars.JWT_AUDIENCE) jwt.setAudience(String(vars.JWT_AUDIENCE));
  return jwt.sign(new TextEncoder().encode(ensureDevSecret()));
}
