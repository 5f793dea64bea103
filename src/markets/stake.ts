import { z } from "@hono/zod-openapi";
import { POSITION_SIDES } from "../db/schema";

/** Largest single stake, in the smallest currency unit (also a trigger in migrations/0004). */
export const MAX_AMOUNT = 1_000_000_000_000;
/**
 * Largest volume a market may reach (also a trigger in migrations/0004): with MAX_AMOUNT, every
 * sum the API computes stays below 2^53, where JavaScript and SQLite numbers are exact integers.
 * A position that would pass it is refused (409).
 */
export const MAX_VOLUME = 9_000_000_000_000_000;

/** Which outcome a position backs. */
export type PositionSide = (typeof POSITION_SIDES)[number];

/** What a caller stakes: `amount` in the smallest currency unit (an integer). */
export interface PositionInput {
  side: PositionSide;
  amount: number;
}

/** A position to write, with its id and time chosen by the service. */
export interface NewPosition extends PositionInput {
  id: string;
  createdAt: number;
}

/**
 * A stake as a request carries it: a market's creator may send one with the market (its initial
 * position), anyone may take one on an active market (positions/).
 */
export const PositionInputSchema = z
  .strictObject({
    side: z.enum(POSITION_SIDES),
    amount: z
      .number()
      .int()
      .min(1)
      .max(MAX_AMOUNT)
      .openapi({ description: "Stake in the smallest currency unit (e.g. cents); an integer", example: 2500 }),
  })
  .openapi("PositionInput");
