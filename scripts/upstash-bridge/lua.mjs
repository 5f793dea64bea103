// Upstash's Lua dialect on open-source Redis. Upstash accepts shebang flags Redis rejects (e.g.
// `#!lua flags=allow-key-locking`, which @upstash/ratelimit sends), and runs any script with
// EVAL_RO/EVALSHA_RO (a write inside fails at run time) where Redis refuses a shebang script that
// lacks `no-writes`. So a flagged script reaches Redis in one of two variants, both with the flags
// Redis does not know dropped: "rw" as is, "ro" with `no-writes` added for the *_RO commands. The
// client only ever sees the SHA of the text it sent: EVALSHA, EVALSHA_RO, SCRIPT LOAD and SCRIPT
// EXISTS are translated both ways. Scripts without a shebang reach Redis unchanged.
import { createHash } from "node:crypto";
import { upper } from "./commands.mjs";

const REDIS_FLAGS = new Set(["no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys"]);
const SHEBANG = /^#!lua(?:[ \t]+flags=([^\r\n]*))?(\r?\n)/;
const MAX_KNOWN = 10_000;

const sha1 = (bytes) => createHash("sha1").update(bytes).digest("hex");
// latin1 maps bytes to chars one to one, so a script's bytes survive the rewrite exactly.
const bytesOf = (arg) => (Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg), "utf8"));

/** The two variants of a flagged script, or undefined when Redis can run the text as sent. */
function variantsOf(script) {
  const text = script.toString("latin1");
  const m = SHEBANG.exec(text);
  if (!m) return undefined;
  const flags = (m[1] ?? "").split(",").map((f) => f.trim()).filter(Boolean);
  const kept = flags.filter((f) => REDIS_FLAGS.has(f));
  const withFlags = (list) =>
    Buffer.from(`#!lua${list.length ? ` flags=${list.join(",")}` : ""}${m[2]}${text.slice(m[0].length)}`, "latin1");
  const rw = withFlags(kept);
  const ro = withFlags(kept.includes("no-writes") ? kept : [...kept, "no-writes"]);
  return { rw, ro, rwSha: sha1(rw), roSha: sha1(ro), loaded: new Set() };
}

/**
 * @typedef {{ rw: Buffer, ro: Buffer, rwSha: string, roSha: string, loaded: Set<"rw" | "ro"> }} Known
 * @typedef {{ command: Array<string | Buffer>, prelude?: Array<string | Buffer>,
 *   reply: (value: unknown) => unknown, settled: (err?: Error) => void }} Adapted
 */
const same = (value) => value;
const nothing = () => {};

export class ScriptDialect {
  /** @type {Map<string, Known>} client SHA -> what Redis was given for it */
  #known = new Map();

  #remember(clientSha, variants) {
    const known = this.#known.get(clientSha);
    if (known) return known;
    if (this.#known.size >= MAX_KNOWN) this.#known.delete(this.#known.keys().next().value);
    this.#known.set(clientSha, variants);
    return variants;
  }

  /**
   * Adapts one command for Redis (the name compared case-insensitively); never mutates it.
   * @param {Array<string | Buffer>} command
   * @returns {Adapted}
   */
  adapt(command) {
    const name = upper(command[0]);
    const plain = { command, reply: same, settled: nothing };
    const mode = name.endsWith("_RO") ? "ro" : "rw";

    if ((name === "EVAL" || name === "EVAL_RO") && command.length > 1) {
      const script = bytesOf(command[1]);
      const variants = variantsOf(script);
      if (!variants) return plain;
      const known = this.#remember(sha1(script), variants);
      return {
        command: [command[0], known[mode], ...command.slice(2)],
        reply: same,
        // EVAL leaves the script cached unless it did not compile.
        settled: (err) => !/^ERR Error compiling/.test(err?.message ?? "") && known.loaded.add(mode),
      };
    }
    if ((name === "EVALSHA" || name === "EVALSHA_RO") && command.length > 1) {
      const known = this.#known.get(String(command[1]).toLowerCase());
      if (!known) return plain;
      // Redis has this script under the other variant only: load the one this command needs first
      // (same connection, so it runs before), as Upstash would run the cached script either way.
      const prelude = known.loaded.has(mode) || known.loaded.size === 0 ? undefined : ["SCRIPT", "LOAD", known[mode]];
      if (prelude) known.loaded.add(mode);
      return { command: [command[0], known[`${mode}Sha`], ...command.slice(2)], prelude, reply: same, settled: nothing };
    }
    if (name === "SCRIPT") {
      const sub = upper(command[1]);
      if (sub === "LOAD" && command.length > 2) {
        const script = bytesOf(command[2]);
        const variants = variantsOf(script);
        if (!variants) return plain;
        const clientSha = sha1(script);
        const known = this.#remember(clientSha, variants);
        return {
          command: [command[0], command[1], known.rw, ...command.slice(3)],
          reply: () => Buffer.from(clientSha),
          settled: (err) => !err && known.loaded.add("rw"),
        };
      }
      if (sub === "EXISTS") {
        const asked = command.slice(2).map((sha) => {
          const known = this.#known.get(String(sha).toLowerCase());
          if (!known) return sha;
          return known.loaded.has("rw") || !known.loaded.has("ro") ? known.rwSha : known.roSha;
        });
        return { command: [command[0], command[1], ...asked], reply: same, settled: nothing };
      }
      if (sub === "FLUSH") return { command, reply: same, settled: (err) => !err && this.#known.clear() };
    }
    return plain;
  }
}
