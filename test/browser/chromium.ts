import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** Flags for a headless run that never reaches out to the network on its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** What the lookup reads of the machine; a test passes its own. */
export interface Machine {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
}

const LINUX = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/opt/google/chrome/chrome",
];

const MAC_APPS = ["Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium"];

/**
 * Where Chrome or Chromium is installed by default on `platform`, most likely first: the package
 * paths on Linux; /Applications (and ~/Applications) and Homebrew's bin directories on macOS;
 * Program Files and the per-user LOCALAPPDATA install on Windows.
 */
export function chromiumCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === "darwin") {
    const apps = ["/Applications", ...(env.HOME ? [path.posix.join(env.HOME, "Applications")] : [])];
    return [
      ...apps.flatMap((dir) => MAC_APPS.map((app) => path.posix.join(dir, app))),
      // Homebrew: Apple silicon, then Intel.
      "/opt/homebrew/bin/chromium",
      "/usr/local/bin/chromium",
    ];
  }
  if (platform === "win32") {
    const roots = [env.ProgramFiles ?? "C:\\Program Files", env["ProgramFiles(x86)"] ?? "C:\\Program Files (x86)", env.LOCALAPPDATA].filter(
      (dir): dir is string => Boolean(dir),
    );
    return roots.flatMap((dir) => [path.win32.join(dir, "Google\\Chrome\\Application\\chrome.exe"), path.win32.join(dir, "Chromium\\Application\\chrome.exe")]);
  }
  return LINUX;
}

/**
 * Path of a Chrome or Chromium binary: $CHROMIUM_PATH when set (and then only it), else the first
 * default install that exists; null when there is none.
 * @throws when CHROMIUM_PATH names a file that does not exist
 */
export function findChromium({ platform, env, exists }: Machine): string | null {
  if (env.CHROMIUM_PATH) {
    if (exists(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which is not an executable file.`);
  }
  return chromiumCandidates(platform, env).find(exists) ?? null;
}

/** What to do when {@link findChromium} finds nothing, naming every place it looked. */
export function chromiumNotFound(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  return [
    "The /docs browser test needs Chrome or Chromium and found neither. Looked in:",
    ...chromiumCandidates(platform, env).map((file) => `  ${file}`),
    "Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`), or set CHROMIUM_PATH to the browser's executable.",
  ].join("\n");
}

const executable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Path of a Chromium binary on this machine (see {@link findChromium}). On Debian as root it
 * installs the `chromium` package when none is found; otherwise it fails naming CHROMIUM_PATH.
 */
export function findOrInstallChromium(): string {
  const machine: Machine = { platform: process.platform, env: process.env, exists: executable };
  const found = findChromium(machine);
  if (found) return found;
  if (process.getuid?.() === 0 && executable("/usr/bin/apt-get")) {
    console.log("Chromium not found: installing Debian's chromium package (apt-get install -y chromium)");
    // dpkg prints hundreds of lines even with -qq: they are shown only if the install fails.
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const output: string[] = [];
    for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
      const run = spawnSync("apt-get", args, { encoding: "utf8", env, maxBuffer: 256 * 1024 * 1024 });
      output.push(run.stdout ?? "", run.stderr ?? "");
    }
    const installed = findChromium(machine);
    if (installed) return installed;
    console.log(output.join(""));
  }
  throw new Error(chromiumNotFound(machine.platform, machine.env));
}
