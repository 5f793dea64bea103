import { mkdirSync } from "node:fs";
import Redis from "ioredis";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, findOrInstallChromium } from "./chromium";
import { type DevServer, startDevServer } from "./dev-server";

const root = path.resolve(import.meta.dirname, "../..");
const artifacts = path.join(root, "test-artifacts");

let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  const executablePath = findOrInstallChromium();
  server = await startDevServer(root);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("/docs in a real browser, against npm run dev", () => {
  it("lists the market operations and runs GET /api/markets with 'Try it out', loading nothing from outside", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const origin = new URL(server.url).origin;
    const outside: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) outside.push(r.url());
    });
    const failed: string[] = [];
    page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    // Anything the page's Content-Security-Policy blocks (it must block nothing the page needs).
    const blocked: string[] = [];
    page.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) blocked.push(m.text());
    });

    await page.goto(`${server.url}/docs`);
    const paths = page.locator(".opblock .opblock-summary-path");
    await paths.first().waitFor({ timeout: 30_000 });
    const listed = (await paths.allInnerTexts()).map((t) => t.replace(/\u200b/g, "").trim());
    expect(listed).toEqual(expect.arrayContaining(["/api/markets", "/api/markets/{id}", "/api/markets/{id}/positions", "/api/me/positions"]));

    const list = page.locator(".opblock-get", { has: page.locator('.opblock-summary-path[data-path="/api/markets"]') });
    await list.locator(".opblock-summary").click();
    await list.getByRole("button", { name: "Try it out" }).click();
    await list.getByRole("button", { name: "Execute" }).click();

    const status = list.locator(".live-responses-table .response .response-col_status");
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe("200");
    const body = await list.locator(".live-responses-table .response-col_description .microlight").first().innerText();
    const page1 = JSON.parse(body) as { success: boolean; data: { id: string; name: string }[] };
    expect(page1.success).toBe(true);
    expect(page1.data.length).toBeGreaterThan(0); // the seeded demo markets

    mkdirSync(artifacts, { recursive: true });
    await list.screenshot({ path: path.join(artifacts, "docs-try-it.png") });

    expect(outside, "requests that left the local server").toEqual([]);
    expect(failed).toEqual([]);
    expect(blocked, "CSP violations").toEqual([]);

    // The request was counted in the server's private Redis, under keys named after its port:
    // nothing another dev server on this machine does can spend this budget.
    const redis = new Redis(server.redisUrl);
    try {
      const port = new URL(server.url).port;
      expect(await redis.keys("*")).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^dev-${port}:anonymous:`))]));
      expect((await redis.keys("ratelimit:*")).length).toBe(0);
    } finally {
      redis.disconnect();
    }
  }, 90_000);
});
