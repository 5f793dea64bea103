import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mintToken } from "../../scripts/mint-token.mjs";

describe("npm run token", () => {
  // The secret goes to a temp file: a test run leaves no .dev.vars in the checkout.
  const dir = mkdtempSync(path.join(tmpdir(), "markets-token-"));
  const secrets = path.join(dir, ".dev.vars");
  beforeAll(() => {
    vi.stubEnv("DEV_VARS_FILE", secrets);
    vi.spyOn(console, "log").mockImplementation(() => {}); // "created … with a random JWT_SECRET"
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sets only the claims asked for: a token without --name never renames the user", async () => {
    const bare = decodeJwt(await mintToken({ sub: "alice" }));
    expect(bare.sub).toBe("alice");
    expect(bare).not.toHaveProperty("name");
    expect(bare).not.toHaveProperty("email");
    expect(bare).not.toHaveProperty("role");
    const full = decodeJwt(await mintToken({ sub: "alice", role: "admin", name: "Alice", email: "alice@example.com" }));
    expect(full).toMatchObject({ sub: "alice", role: "admin", name: "Alice", email: "alice@example.com" });
    expect(existsSync(secrets)).toBe(true);
  });
});
