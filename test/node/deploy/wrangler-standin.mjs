// A stand-in for the `wrangler` CLI, for testing `npm run deploy` without a network or an account.
// The "account" is a JSON file ($STANDIN_STATE) the test prepares and reads back; every call is
// appended to $STANDIN_LOG. Outputs, exit codes and error texts follow wrangler 4.164 and the
// Cloudflare API errors it relays (e.g. queues: "is already taken" [code: 11009]).
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";

const args = process.argv.slice(2);
appendFileSync(process.env.STANDIN_LOG, `${JSON.stringify(args)}\n`);
const state = JSON.parse(readFileSync(process.env.STANDIN_STATE, "utf8"));
const save = () => writeFileSync(process.env.STANDIN_STATE, JSON.stringify(state, null, 2));
const out = (text) => process.stdout.write(`${text}\n`);
const fail = (text) => {
  process.stderr.write(`✘ [ERROR] ${text}\n`);
  process.exit(1);
};
const apiFail = (route, text) => fail(`A request to the Cloudflare API (/accounts/${state.accountId}${route}) failed.\n\n  ${text}`);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const cmd = args[0] === "deploy" ? "deploy" : args.slice(0, 2).join(" ");

if (args[0] === "whoami") {
  if (!state.loggedIn) {
    out(JSON.stringify({ loggedIn: false }));
    process.exit(1);
  }
  out(JSON.stringify({ loggedIn: true, authType: "User API Token", email: "ops@example.com", accounts: state.accounts }, null, 2));
  process.exit(0);
}
if (!state.loggedIn) fail("Not logged in.\nRun `wrangler whoami` to check your current authentication status.");

const worker = state.worker;
switch (cmd) {
  case "secret list": {
    if (!worker.exists) fail(`Worker "markets-api" (env: production) not found.\n\nIf this is a new Worker, run \`wrangler deploy\` first to create it.`);
    out(JSON.stringify(worker.secrets.map((name) => ({ name, type: "secret_text" })), null, "  "));
    break;
  }
  case "d1 create": {
    const name = args[2];
    if (state.d1.includes(name)) fail("A database with that name already exists");
    state.d1.push(name);
    out(`✅ Successfully created DB '${name}' in region WEUR`);
    break;
  }
  case "queues create": {
    const name = args[2];
    out(`🌀 Creating queue '${name}'`);
    if (state.queues.includes(name)) apiFail("/queues", `Queue name '${name}' is already taken. Please use a different name and try again. [code: 11009]`);
    state.queues.push(name);
    out(`✅ Created queue '${name}'`);
    break;
  }
  case "vectorize create": {
    const name = args[2];
    out(`🚧 Creating index: '${name}'`);
    if (state.vectorize[name]) apiFail("/vectorize/v2/indexes", `vectorize.index.duplicate_name - Index name "${name}" is already taken [code: 3002]`);
    state.vectorize[name] = { dimensions: Number(flag("--dimensions")), metric: flag("--metric"), metadata: [] };
    out(`✅ Successfully created a new Vectorize index: '${name}'`);
    break;
  }
  case "vectorize get": {
    const index = state.vectorize[args[2]];
    if (!index) apiFail(`/vectorize/v2/indexes/${args[2]}`, "vectorize.index.not_found [code: 3000]");
    out(JSON.stringify({ name: args[2], config: { dimensions: index.dimensions, metric: index.metric }, created_on: "2026-11-01T00:00:00Z" }, null, 2));
    break;
  }
  case "vectorize list-metadata-index": {
    out(JSON.stringify(state.vectorize[args[2]].metadata, null, 2));
    break;
  }
  case "vectorize create-metadata-index": {
    out("📋 Creating metadata index...");
    state.vectorize[args[2]].metadata.push({ propertyName: flag("--property-name"), indexType: flag("--type") });
    out(`✅ Successfully enqueued metadata index creation request. Mutation changeset identifier: ${randomUUID()}.`);
    break;
  }
  case "d1 migrations": {
    if (args[2] !== "apply" || !args.includes("--remote")) fail(`stand-in: unexpected ${args.join(" ")}`);
    if (!state.d1.includes("markets")) apiFail("/d1/database", "Couldn't find DB with name 'markets' [code: 7404]");
    const files = readdirSync("migrations").filter((f) => f.endsWith(".sql")).sort();
    const pending = files.filter((f) => !state.migrations.applied.includes(f));
    if (pending.length === 0) {
      out("✅ No migrations to apply!");
      break;
    }
    out(`Migrations to be applied:\n${pending.map((f) => `│ ${f} │`).join("\n")}`);
    for (const f of pending) {
      if (f === state.migrations.failOn) {
        out(`│ ${f} │ ❌ │`);
        process.stderr.write(`✘ [ERROR] Migration ${f} failed with the following errors:\n`);
        fail(`near "TABLEX": syntax error at offset 7: SQLITE_ERROR [code: 7500]`);
      }
      state.migrations.applied.push(f);
      out(`│ ${f} │ ✅ │`);
    }
    break;
  }
  case "deploy": {
    if (flag("--env") !== "production") fail("stand-in: expected --env production");
    const file = flag("--secrets-file");
    if (file) {
      if (!existsSync(file)) fail(`secrets file ${file} not found`);
      for (const [name, value] of Object.entries(JSON.parse(readFileSync(file, "utf8")))) {
        if (!worker.secrets.includes(name)) worker.secrets.push(name);
        state.secretValues[name] = value;
      }
    }
    const missing = state.requiredSecrets.filter((s) => !worker.secrets.includes(s));
    if (missing.length) fail(`The following required secrets have not been set: ${missing.join(", ")}`);
    if (!state.kv) {
      out('Provisioning CACHE (KV Namespace)...\n🌀 Creating new KV Namespace "markets-api-cache"...\n🎉 Resources provisioned, continuing with deployment...');
      state.kv = true;
    }
    worker.exists = true;
    worker.versions.push(randomUUID());
    out(`Total Upload: 507.24 KiB / gzip: 145.55 KiB\nUploaded markets-api (3.10 sec)\nDeployed markets-api triggers (0.81 sec)\n  ${state.deployUrl}\nCurrent Version ID: ${worker.versions.at(-1)}`);
    break;
  }
  default:
    fail(`stand-in: unexpected wrangler ${args.join(" ")}`);
}
save();
