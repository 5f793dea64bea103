import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Flags for a headless run that never reaches out to the network on its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

const executable = (file: string | undefined): file is string => {
  if (!file) return false;
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Path of a Chromium binary: $CHROMIUM_PATH, else a system install. On Debian as root it installs the
 * `chromium` package when none is found; otherwise it fails with what to install.
 */
export function findOrInstallChromium(): string {
  const found = [process.env.CHROMIUM_PATH, ...CANDIDATES].find(executable);
  if (found) return found;
  if (process.getuid?.() === 0 && executable("/usr/bin/apt-get")) {
    console.log("Chromium not found: installing Debian's chromium package (apt-get install -y chromium)");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    const installed = CANDIDATES.find(executable);
    if (installed) return installed;
  }
  throw new Error(
    "The /docs browser test needs Chromium and none was found. On Debian/Ubuntu: `sudo apt-get install -y chromium`; " +
      "elsewhere install Chromium or Chrome and set CHROMIUM_PATH to its binary.",
  );
}
