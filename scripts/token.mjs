// `npm run token -- --sub alice --role admin`: a dev token signed with the local secret.
import { parseArgs } from "node:util";
import { mintToken } from "./mint-token.mjs";

const { values } = parseArgs({
  options: {
    sub: { type: "string", default: "alice" },
    role: { type: "string" },
    name: { type: "string" },
    email: { type: "string" },
    ttl: { type: "string", default: "1h" },
  },
});
if (values.role !== undefined && !["admin", "moderator", "user"].includes(values.role)) {
  console.error(`--role must be admin, moderator or user (got ${values.role})`);
  process.exit(2);
}
process.stdout.write(`${await mintToken(values)}\n`);
