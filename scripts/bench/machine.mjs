// What the numbers were measured on, recorded beside them.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./build.mjs";
import { workerdVersion } from "./workerd.mjs";

/**
 * The installed version of a package, from its package.json under node_modules.
 * @param {string} pkg
 */
export const installedVersion = (pkg) => JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;

/** The CPU, memory, OS and runtime versions of this machine. */
export function machine() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  return {
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    workerd: workerdVersion(),
    miniflare: installedVersion("miniflare"),
    wrangler: installedVersion("wrangler"),
  };
}
