import { SwaggerUI } from "@hono/swagger-ui";
import type { Handler } from "hono";

/** Where the static assets of the /docs page are served from (see wrangler.toml [assets]). */
export const DOCS_ASSETS_PATH = "/docs/assets";

/** The /docs page as served: its HTML and the Content-Security-Policy that allows exactly it. */
interface DocsPage {
  html: string;
  csp: string;
}

/**
 * GET /docs: Swagger UI from this origin's own assets under a strict Content-Security-Policy. The
 * one inline script (the page's start-up call) is allowed by its SHA-256 hash and nothing else
 * inline is: a token pasted into "Authorize" cannot be read by injected script, and the page can
 * only talk to this origin.
 *
 * @example app.get("/docs", docsPage({ title: "API", url: "/openapi.json", baseUrl: "/docs/assets" }));
 */
export function docsPage(options: Parameters<typeof SwaggerUI>[0] & { title: string }): Handler {
  let page: Promise<DocsPage> | undefined;
  return async (c) => {
    const { html, csp } = await (page ??= render(options));
    return c.html(html, 200, { "Content-Security-Policy": csp });
  };
}

async function render({ title, ...options }: Parameters<typeof docsPage>[0]): Promise<DocsPage> {
  const body = SwaggerUI(options);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>${title}</title></head><body>${body}</body></html>`;
  const inline = [...body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
  const hashes = await Promise.all(
    inline.map(async (script) => {
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(script)));
      return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
    }),
  );
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${hashes.join(" ")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { html, csp };
}
