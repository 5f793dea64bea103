import { base64url } from "jose";
import type { After } from "../db/keyset";
import { ApiError } from "../http/errors";

/** Position after the last row of a page: its sort value and id. */
export type Keyset = After;

/**
 * What a cursor is valid for (e.g. `markets:volume:desc:active`): a cursor from another listing
 * must not be replayed here. `value` says which type the keyset's sort value has.
 */
export interface CursorScope {
  key: string;
  value: "string" | "number";
}

/** Longest row id a keyset holds: ids the API writes are UUIDs (36); a path id may be 64. */
export const MAX_KEYSET_ID = 64;
/** Longest number a keyset holds as JSON (epoch ms, volumes below 2^53). */
export const MAX_KEYSET_NUMBER = 24;

/**
 * The longest cursor `encode` can produce for keysets within these bounds (in UTF-16 units). JSON
 * writes a unit as at most 6 bytes (`\uXXXX` for controls and lone surrogates), base64url turns
 * 3 bytes into 4 characters, and the signature adds 44. Query schemas cap `cursor` at this, so
 * every cursor the API issues is accepted back.
 *
 * @example cursor: z.string().max(maxCursorLength({ scope: 40, value: MAX_NAME_LENGTH }))
 */
export function maxCursorLength(bounds: { scope: number; value: number; id?: number }): number {
  const json = 6 * (bounds.scope + bounds.value + (bounds.id ?? MAX_KEYSET_ID)) + 24; // {"s":"","v":"","i":""}
  return Math.ceil((json * 4) / 3) + 1 + 43;
}

const enc = new TextEncoder();
// jose's base64url: the runtime's Uint8Array.toBase64/fromBase64 where it has them.
const b64url = base64url.encode;
const fromB64url = base64url.decode;

const keys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

/**
 * Opaque, signed keyset cursors. The HMAC makes a tampered cursor detectable, and the scope inside
 * makes a cursor from another sort/order/filter a 400 instead of a silently wrong page. Its key is
 * derived from the deployment secret by HKDF with its own label, so it is never the key tokens
 * are checked with; cursors signed under `previous` (a secret being rotated out) still decode.
 */
export class CursorCodec {
  constructor(
    private readonly secret: Uint8Array,
    private readonly previous?: Uint8Array,
  ) {}

  /**
   * Adds `nextCursor` to a page: the cursor after its last row when more rows exist, else null.
   *
   * @example return codec.paginate(scope, page, (m) => ({ value: m.volume, id: m.id }));
   */
  async paginate<T, P extends { items: T[]; hasMore: boolean }>(
    scope: CursorScope,
    page: P,
    keysetOf: (row: T) => Keyset,
  ): Promise<P & { nextCursor: string | null }> {
    const last = page.items.at(-1);
    const nextCursor = page.hasMore && last !== undefined ? await this.encode(scope, keysetOf(last)) : null;
    return { ...page, nextCursor };
  }

  async encode(scope: CursorScope, keyset: Keyset): Promise<string> {
    const body = enc.encode(JSON.stringify({ s: scope.key, v: keyset.value, i: keyset.id }));
    return `${b64url(body)}.${b64url(await this.sign(body))}`;
  }

  /** The keyset inside `cursor`, or a 400 when it is malformed, tampered with or foreign. */
  async decode(scope: CursorScope, cursor: string): Promise<Keyset> {
    const [bodyPart, sigPart, extra] = cursor.split(".");
    let parsed: { s?: unknown; v?: unknown; i?: unknown };
    try {
      if (!bodyPart || !sigPart || extra !== undefined) throw new Error("shape");
      const body = fromB64url(bodyPart);
      const sig = fromB64url(sigPart);
      const ok =
        (await crypto.subtle.verify("HMAC", await this.key(), sig, prefixed(body))) ||
        (this.previous !== undefined && (await crypto.subtle.verify("HMAC", await this.key(this.previous), sig, prefixed(body))));
      if (!ok) throw new Error("signature");
      parsed = JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw invalidCursor("is not a cursor issued by this API");
    }
    if (parsed.s !== scope.key) throw invalidCursor("belongs to another listing (sort, order or filter)");
    const valueOk = typeof parsed.v === scope.value;
    if (!valueOk || typeof parsed.i !== "string") throw invalidCursor("is not a cursor issued by this API");
    return { value: parsed.v as string | number, id: parsed.i };
  }

  private async sign(body: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(await crypto.subtle.sign("HMAC", await this.key(), prefixed(body)));
  }

  private key(secret = this.secret): Promise<CryptoKey> {
    let key = keys.get(secret);
    if (!key) {
      key = crypto.subtle
        .importKey("raw", secret, "HKDF", false, ["deriveKey"])
        .then((base) =>
          crypto.subtle.deriveKey(
            { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: HKDF_INFO },
            base,
            { name: "HMAC", hash: "SHA-256", length: 256 },
            false,
            ["sign", "verify"],
          ),
        );
      keys.set(secret, key);
    }
    return key;
  }
}

// The cursor key's HKDF label: another label (or version) gives an unrelated key.
const HKDF_INFO = enc.encode("markets-api/cursor-key/v2");
// Domain separation for the HMAC, encoded once per isolate.
const PREFIX = enc.encode("markets-api/cursor/v1\n");
const prefixed = (body: Uint8Array) => {
  const prefix = PREFIX;
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
};

const invalidCursor = (why: string) =>
  new ApiError(400, "validation_failed", `The cursor ${why}`, [{ location: "query", path: "cursor", message: why }]);
