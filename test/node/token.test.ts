import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { mintToken } from "../../scripts/mint-token.mjs";

describe("npm run token", () => {
  it("sets only the claims asked for: a token without --name never renames the user", async () => {
    const bare = decodeJwt(await mintToken({ sub: "alice" }));
    expect(bare.sub).toBe("alice");
    expect(bare).not.toHaveProperty("name");
    expect(bare).not.toHaveProperty("email");
    expect(bare).not.toHaveProperty("role");
    const full = decodeJwt(await mintToken({ sub: "alice", role: "admin", name: "Alice", email: "alice@example.com" }));
    expect(full).toMatchObject({ sub: "alice", role: "admin", name: "Alice", email: "alice@example.com" });
  });
});
