import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { MARKET_STATUSES } from "../../src/db/schema";
import { MARKET_SORTS } from "../../src/markets/market.model";
import { MAX_MARKET_CURSOR, MAX_NAME_LENGTH, MarketListQuerySchema } from "../../src/markets/market.schemas";
import { CursorCodec, MAX_KEYSET_ID } from "../../src/pagination/cursor";
import { PositionPageQuerySchema } from "../../src/positions/position.schemas";

// Any UTF-16 unit, lone surrogates included, plus the characters JSON escapes the longest.
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('"', "\\", "\u0000", "\u001f", "\ud800"),
);
const longest = (length: number) => fc.string({ unit, minLength: length, maxLength: length });

describe("every cursor the API issues is accepted back", () => {
  const codec = new CursorCodec(new TextEncoder().encode("a-secret-for-the-cursor-property-test-0123"));

  it("market lists: names of any Unicode at the maximum length, every sort, order and status", async () => {
    const listing = fc.record({
      sort: fc.constantFrom(...MARKET_SORTS),
      order: fc.constantFrom("asc", "desc"),
      status: fc.constantFrom("*", ...MARKET_STATUSES),
    });
    await fc.assert(
      fc.asyncProperty(listing, longest(MAX_NAME_LENGTH), longest(MAX_KEYSET_ID), async ({ sort, order, status }, name, id) => {
        const scope = { key: `markets:${sort}:${order}:${status}`, value: sort === "name" ? ("string" as const) : ("number" as const) };
        const value = sort === "name" ? name : 9_007_199_254_740_991;
        const cursor = await codec.encode(scope, { value, id });
        expect(cursor.length).toBeLessThanOrEqual(MAX_MARKET_CURSOR);
        const query = MarketListQuerySchema.safeParse({ sort, order, cursor, ...(status === "*" ? {} : { status }) });
        expect(query.success).toBe(true);
        expect(await codec.decode(scope, cursor)).toEqual({ value, id });
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it("position lists: scopes naming any token subject (up to 255 units)", async () => {
    await fc.assert(
      fc.asyncProperty(longest(255), longest(MAX_KEYSET_ID), async (sub, id) => {
        const scope = { key: `positions:user:${sub}`, value: "number" as const };
        const cursor = await codec.encode(scope, { value: Date.now(), id });
        expect(PositionPageQuerySchema.safeParse({ cursor }).success).toBe(true);
        expect((await codec.decode(scope, cursor)).id).toBe(id);
      }),
      { numRuns: 100, seed: 20261129 },
    );
  });

  it("through the API: sort=name pages past markets with 200-character names of quotes and emoji", async () => {
    const { token } = await actor();
    const tag = crypto.randomUUID().slice(0, 8);
    // A first character above every other test's names, so a descending walk meets these first;
    // each name is exactly MAX_NAME_LENGTH UTF-16 units (no surrogate pair cut in half).
    const prefix = (i: number) => `\u{10ffff}${tag}${i}`;
    const fill = (i: number, unit: string) => prefix(i) + unit.repeat(Math.floor((MAX_NAME_LENGTH - prefix(i).length) / unit.length));
    const names = [fill(0, '"'), `${fill(1, "😀")}x`, fill(2, "\\")];
    expect(names.map((n) => n.length)).toEqual([MAX_NAME_LENGTH, MAX_NAME_LENGTH, MAX_NAME_LENGTH]);
    for (const name of names) await createMarket(token, { name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `sort=name&order=desc&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const { res, json } = await call("GET", `/api/markets?${qs}`);
      expect(res.status, JSON.stringify(json?.error)).toBe(200);
      seen.push(json.data[0].name);
      cursor = json.meta.nextCursor;
    } while (cursor && seen.length < names.length + 1);
    expect(seen.slice(0, 3).sort()).toEqual([...names].sort());
  });
});
