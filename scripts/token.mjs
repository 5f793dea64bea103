// `npm run token -- --sub alice --role admin`: a dev token signed with the local secret.
import { parseArgs } from "node:util";
import { SignJWT } from "jose";
import { unstable_readConfig } from "wrangler";
import { ensureDevSecret } from "./dev-vars.mjs";

const { values } = parseArgs({
  options: {
    sub: { type: "string", default: "alice" },
    role: { type: "string", default: "user" },
    name: { type: "string" },
    email: { type: "string" },
    ttl: { type: "string", default: "1h" },
  },
});
if (!["admin", "moderator", "user"].includes(values.role)) {
  console.error(`--role must be admin, moderator or user (got ${values.role})`);
  process.exit(2);
}

const { vars } = unstable_readConfig({ config: "wrangler.toml" }, { hideWarnings: true });
const jwt = new SignJWT({
  role: values.role,
  name: values.name ?? values.sub,
  ...(values.email ? { email: values.email } : {}),
})
  .setProtectedHeader({ alg: "HS256" })
  .setSubject(values.sub)
  .setIssuedAt()
  .setExpirationTime(values.ttl);
if (vars.JWT_ISSUER) jwt.setIssuer(String(vars.JWT_ISSUER));
if (vars.JWT_AUDIENCE) jwt.setAudience(String(vars.JWT_AUDIENCE));
process.stdout.write(`${await jwt.sign(new TextEncoder().encode(ensureDevSecret()))}\n`);
