import { SignJWT } from "jose";
import { describe, expect, inject, it } from "vitest";
import { call, tableCounts } from "../helpers/api";
import { b64url, hsToken, idpToken, uniqueSub } from "../helpers/tokens";

const write = (token?: string, init: { path?: string; headers?: Record<string, string> } = {}) =>
  call("POST", init.path ?? "/api/markets", {
    ...(token ? { token } : {}),
    body: { name: `Auth check ${crypto.randomUUID()}` },
    headers: init.headers ?? {},
  });

async function expectInvalidToken(token: string, reason?: RegExp) {
  const before = await tableCounts();
  const { res, json } = await write(token);
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
  expect(json.error?.code).toBe("unauthorized");
  if (reason) expect(json.error?.message).toMatch(reason);
  expect(await tableCounts()).toEqual(before);
}

describe("bearer token authentication", () => {
  it("accepts a valid HS256 token and attributes the write to its subject", async () => {
    const sub = uniqueSub();
    const { res, json } = await write(await hsToken({ sub }));
    expect(res.status).toBe(201);
    expect(json.data.creator.id).toBe(sub);
  });

  it("accepts a valid RS256 token signed by the JWKS identity provider", async () => {
    const sub = uniqueSub("idp");
    const { res, json } = await write(await idpToken({ sub, extra: { name: "Ida P." } }));
    expect(res.status).toBe(201);
    expect(json.data.creator).toEqual({ id: sub, displayName: "Ida P." });
  });

  it("rejects a write without a token with a bare Bearer challenge", async () => {
    const { res } = await write();
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("rejects alg: none", async () => {
    const header = b64url(JSON.stringify({ alg: "none", typ: "JWT" }));
    const payload = b64url(
      JSON.stringify({ sub: "mallory", role: "admin", iss: "markets-api", aud: "markets-api", exp: Math.floor(Date.now() / 1000) + 300 }),
    );
    await expectInvalidToken(`${header}.${payload}.`);
  });

  it("rejects an HS256 token signed with the JWKS public key (algorithm confusion)", async () => {
    const publicJwk = inject("idpPublicJwk");
    const publicKeyAsSecret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const nBytes = Uint8Array.from(atob(String(publicJwk.n).replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    for (const secret of [publicKeyAsSecret, nBytes]) {
      const token = await new SignJWT({ role: "admin" })
        .setProtectedHeader({ alg: "HS256", kid: String(publicJwk.kid) })
        .setSubject("mallory")
        .setIssuer("markets-api")
        .setAudience("markets-api")
        .setExpirationTime("5m")
        .sign(secret);
      await expectInvalidToken(token, /signature/);
    }
  });

  it("rejects a bad signature", async () => {
    const other = new TextEncoder().encode("another-secret-that-is-long-enough-0123456789");
    const token = await new SignJWT({ role: "user" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("mallory")
      .setIssuer("markets-api")
      .setAudience("markets-api")
      .setExpirationTime("5m")
      .sign(other);
    await expectInvalidToken(token, /signature/);
    const valid = await hsToken();
    await expectInvalidToken(`${valid.slice(0, -4)}AAAA`);
  });

  it("rejects an expired token (beyond the clock tolerance) and accepts one within it", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectInvalidToken(await hsToken({ expiresIn: now - 120 }), /expired/);
    const { res } = await write(await hsToken({ sub: uniqueSub(), expiresIn: now - 5 }));
    expect(res.status).toBe(201);
  });

  it("rejects a token that is not yet valid", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectInvalidToken(await hsToken({ notBefore: now + 600 }), /nbf/);
  });

  it("rejects a wrong issuer and a wrong audience", async () => {
    await expectInvalidToken(await hsToken({ iss: "someone-else" }), /iss/);
    await expectInvalidToken(await hsToken({ aud: "another-api" }), /aud/);
    await expectInvalidToken(await idpToken({ aud: "another-api" }), /aud/);
  });

  it("rejects a token without a subject", async () => {
    await expectInvalidToken(await hsToken({ sub: undefined }), /sub/);
  });

  it("rejects an unknown role", async () => {
    await expectInvalidToken(await hsToken({ role: "superuser" }), /role/);
  });

  it("rejects a token without an expiry", async () => {
    const token = await new SignJWT({ role: "admin" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("forever")
      .setIssuer("markets-api")
      .setAudience("markets-api")
      .sign(new TextEncoder().encode("test-secret-with-enough-entropy-0123456789abcdef"));
    await expectInvalidToken(token, /exp/);
  });

  it("ignores a token in the query string, a cookie or another header", async () => {
    const token = await hsToken({ sub: uniqueSub() });
    const attempts: { path?: string; headers?: Record<string, string> }[] = [
      { path: `/api/markets?access_token=${token}` },
      { headers: { Cookie: `token=${token}` } },
      { headers: { "X-Access-Token": token } },
    ];
    for (const attempt of attempts) {
      const { res } = await write(undefined, attempt);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
    }
  });

  it("rejects an Authorization header that is not a bearer JWT", async () => {
    for (const value of ["Basic YWxpY2U6cGFzcw==", "Bearer", "Bearer not-a-jwt", `Token ${await hsToken()}`]) {
      const { res } = await write(undefined, { headers: { Authorization: value } });
      expect(res.status, value).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    }
  });

  it("refuses an invalid token even on a public read rather than silently treating it as anonymous", async () => {
    const { res } = await call("GET", "/api/markets", { token: `${await hsToken()}x` });
    expect(res.status).toBe(401);
  });

  it("updates the user row from newer claims on a later write", async () => {
    const sub = uniqueSub();
    await write(await hsToken({ sub, extra: { name: "Old Name" } }));
    const { json } = await write(await hsToken({ sub, extra: { name: "New Name", email: "new@example.com" } }));
    expect(json.data.creator.displayName).toBe("New Name");
  });
});
