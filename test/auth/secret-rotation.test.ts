import { beforeAll, describe, expect, it } from "vitest";
import { insertMarkets } from "../helpers/fixtures";
import { fetchWith } from "../helpers/entry";
import { hsToken } from "../helpers/tokens";

// Rotating JWT_SECRET (docs/operations.md "A secret leaked"): deploy the new secret with the old
// one as JWT_SECRET_PREVIOUS, wait out token lifetimes, then drop the previous secret. Each phase
// is its own environment object, as each deploy is its own isolate.
const OLD = "old-secret-being-rotated-out-0123456789abcdef";
const NEW = "new-secret-replacing-the-old-one-0123456789ab";
const before = { JWT_SECRET: OLD };
const during = { JWT_SECRET: NEW, JWT_SECRET_PREVIOUS: OLD } as Partial<Env>;
const after = { JWT_SECRET: NEW };

const adminToken = (secret: string) => hsToken({ sub: "rotation-admin", role: "admin", secret });

const adminCall = (phase: Partial<Env>, token: string) =>
  fetchWith(phase, "/api/admin/index-failures", { headers: { Authorization: `Bearer ${token}` } });

// A page of a listing that always has a next page, and that page through a cursor.
const LIST = "/api/markets?sort=created_at&order=asc&limit=1";
const firstCursor = async (phase: Partial<Env>) => {
  const res = await fetchWith(phase, LIST);
  expect(res.status).toBe(200);
  const cursor = (await res.json<{ meta: { nextCursor: string | null } }>()).meta.nextCursor;
  expect(cursor).toEqual(expect.any(String));
  return cursor!;
};
const nextPage = (phase: Partial<Env>, cursor: string) => fetchWith(phase, `${LIST}&cursor=${encodeURIComponent(cursor)}`);

beforeAll(async () => {
  await insertMarkets(3);
});

describe("JWT secret rotation", () => {
  it("keeps tokens signed with the previous secret valid while it is set, and only then", async () => {
    const oldToken = await adminToken(OLD);
    expect((await adminCall(before, oldToken)).status).toBe(200);
    expect((await adminCall(during, oldToken)).status).toBe(200);
    expect((await adminCall(during, await adminToken(NEW))).status).toBe(200);
    const refused = await adminCall(after, oldToken);
    expect(refused.status).toBe(401);
    expect((await adminCall(after, await adminToken(NEW))).status).toBe(200);
  });

  it("does not let the previous secret rescue an expired token", async () => {
    const expired = await hsToken({ sub: "rotation-admin", role: "admin", secret: OLD, expiresIn: Math.floor(Date.now() / 1000) - 3600 });
    expect((await adminCall(during, expired)).status).toBe(401);
  });

  it("keeps pagination cursors issued before the rotation valid while the previous secret is set", async () => {
    const oldCursor = await firstCursor(before);
    expect((await nextPage(during, oldCursor)).status).toBe(200);
    const newCursor = await firstCursor(during);
    expect(newCursor).not.toBe(oldCursor); // signed with the new key
    expect((await nextPage(after, newCursor)).status).toBe(200);
    expect((await nextPage(after, oldCursor)).status).toBe(400);
  });

  it("signs cursors with a key derived for cursors, not with the token secret itself", async () => {
    const cursor = await firstCursor(after);
    const [body, sig] = cursor.split(".") as [string, string];
    const raw = await crypto.subtle.importKey("raw", new TextEncoder().encode(NEW), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const fromB64url = (t: string) => Uint8Array.from(atob(t.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    // What the signature would be if the token secret itself keyed the HMAC (same signed bytes).
    const signed = new Uint8Array([...new TextEncoder().encode("markets-api/cursor/v1\n"), ...fromB64url(body)]);
    const rawSig = new Uint8Array(await crypto.subtle.sign("HMAC", raw, signed));
    expect(Array.from(rawSig)).not.toEqual(Array.from(fromB64url(sig)));
  });
});
