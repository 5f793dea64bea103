import { describe, expect, it } from "vitest";
import { chromiumNotFound, findChromium, type Machine } from "../browser/chromium";

// The browser test's Chrome/Chromium lookup, on machines described by their platform, environment
// and the files that exist.
const on = (platform: NodeJS.Platform, files: string[], env: NodeJS.ProcessEnv = {}): Machine => ({
  platform,
  env,
  exists: (file) => files.includes(file),
});

describe("finding Chrome or Chromium for the browser test", () => {
  it("uses CHROMIUM_PATH over any default install", () => {
    expect(findChromium(on("linux", ["/usr/bin/chromium", "/opt/chrome"], { CHROMIUM_PATH: "/opt/chrome" }))).toBe("/opt/chrome");
    expect(findChromium(on("win32", ["D:\\chrome.exe"], { CHROMIUM_PATH: "D:\\chrome.exe" }))).toBe("D:\\chrome.exe");
  });

  it("fails naming CHROMIUM_PATH when it points at nothing, rather than silently using another browser", () => {
    expect(() => findChromium(on("linux", ["/usr/bin/chromium"], { CHROMIUM_PATH: "/nope/chrome" }))).toThrow(
      "CHROMIUM_PATH is set to /nope/chrome, which is not an executable file.",
    );
  });

  it("finds the Linux packages' binaries", () => {
    expect(findChromium(on("linux", ["/usr/bin/chromium"]))).toBe("/usr/bin/chromium");
    expect(findChromium(on("linux", ["/usr/bin/google-chrome-stable"]))).toBe("/usr/bin/google-chrome-stable");
    expect(findChromium(on("linux", ["/snap/bin/chromium"]))).toBe("/snap/bin/chromium");
  });

  it("finds Chrome and Chromium apps on macOS, in /Applications, ~/Applications and Homebrew", () => {
    const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    const chromium = "/Applications/Chromium.app/Contents/MacOS/Chromium";
    const home = { HOME: "/Users/ana" };
    expect(findChromium(on("darwin", [chromium, chrome], home))).toBe(chrome);
    expect(findChromium(on("darwin", [chromium], home))).toBe(chromium);
    expect(findChromium(on("darwin", ["/Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"], home))).toBe(
      "/Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    );
    expect(findChromium(on("darwin", ["/opt/homebrew/bin/chromium"], home))).toBe("/opt/homebrew/bin/chromium");
    expect(findChromium(on("darwin", ["/usr/local/bin/chromium"], home))).toBe("/usr/local/bin/chromium");
    expect(findChromium(on("darwin", ["/usr/bin/chromium"], home))).toBeNull();
  });

  it("finds Chrome under Program Files (either) and a per-user install under LOCALAPPDATA on Windows", () => {
    const env = { ProgramFiles: "C:\\Program Files", "ProgramFiles(x86)": "C:\\Program Files (x86)", LOCALAPPDATA: "C:\\Users\\ana\\AppData\\Local" };
    expect(findChromium(on("win32", ["C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"], env))).toBe(
      "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    );
    expect(findChromium(on("win32", ["C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe"], env))).toBe(
      "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
    );
    expect(findChromium(on("win32", ["C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe"], env))).toBe(
      "C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe",
    );
    // Program Files moved to another drive.
    expect(findChromium(on("win32", ["D:\\Apps\\Google\\Chrome\\Application\\chrome.exe"], { ...env, ProgramFiles: "D:\\Apps" }))).toBe(
      "D:\\Apps\\Google\\Chrome\\Application\\chrome.exe",
    );
    expect(findChromium(on("win32", ["/usr/bin/chromium"], env))).toBeNull();
  });

  it("says where it looked and names CHROMIUM_PATH when there is none", () => {
    expect(findChromium(on("linux", []))).toBeNull();
    const message = chromiumNotFound("darwin", { HOME: "/Users/ana" });
    expect(message).toContain("set CHROMIUM_PATH");
    expect(message).toContain("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    expect(message).toContain("/opt/homebrew/bin/chromium");
  });
});
