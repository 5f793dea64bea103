import type { Context } from "hono";
import type { Principal } from "../auth/principal";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { isDuplicateKey } from "./d1-idempotency";
import {
  IDEMPOTENCY_HEADER,
  IdempotencyKeySchema,
  type IdempotencyRecord,
  requestHash,
  type StoredFill,
  type StoredResponse,
} from "./idempotency";

/** The response a write will send, rendered before the write from what the write will store. */
export interface ResponseToStore {
  status: number;
  body: unknown;
  location?: string;
  /** Parts of the body only known inside the write's transaction (see StoredFill). */
  fill?: StoredFill[];
}

const replay = <R extends Response>(c: Context<AppEnv>, stored: StoredResponse): R => {
  c.header("Content-Type", "application/json");
  c.header("Idempotent-Replayed", "true");
  if (stored.location) c.header("Location", stored.location);
  return c.body(stored.body, stored.status as 201) as unknown as R;
};

/**
 * Runs a create under the request's Idempotency-Key (400 when malformed). Without a key it just
 * writes: `write()`. With one: a live stored response for the same request is replayed; for
 * another request it is a 422; otherwise `write(record)` runs and puts `record` (the response
 * `respond()` renders, under this key) in the write's own batch. A concurrent duplicate loses on
 * the key's primary key, writes nothing, and replays the winner's response.
 *
 * @example return idempotentWrite(c, actor, input, () => ({ status: 201, body: render(draft) }), (record) => create(draft, record));
 */
export async function idempotentWrite<R extends Response>(
  c: Context<AppEnv>,
  actor: Principal,
  body: unknown,
  respond: () => ResponseToStore,
  write: (record?: IdempotencyRecord) => Promise<R>,
): Promise<R> {
  const header = c.req.header(IDEMPOTENCY_HEADER);
  if (header === undefined) return write();
  const parsed = IdempotencyKeySchema.safeParse(header);
  if (!parsed.success) {
    throw new ApiError(400, "validation_failed", "Invalid Idempotency-Key header", [
      { location: "header", path: IDEMPOTENCY_HEADER, message: parsed.error.issues[0]?.message ?? "invalid" },
    ]);
  }
  const key = parsed.data;
  const hash = await requestHash(c.req.method, c.req.path, body);
  const stored = c.get("services").idempotency;
  const earlier = async () => {
    const found = await stored.find(actor.id, key);
    if (found && found.requestHash !== hash) {
      throw new ApiError(422, "idempotency_key_reused", "This Idempotency-Key was already used with a different request");
    }
    return found && replay<R>(c, found);
  };

  const first = await earlier();
  if (first) return first;
  const response = respond();
  try {
    return await write({
      userId: actor.id,
      key,
      requestHash: hash,
      createdAt: Date.now(),
      status: response.status,
      body: JSON.stringify(response.body),
      location: response.location,
      fill: response.fill,
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const winner = await earlier();
    if (winner) return winner;
    // The key's row existed a moment ago and is gone (it expired in between): nothing was written.
    throw new ApiError(409, "conflict", "A request with this Idempotency-Key was being processed; retry it");
  }
}
