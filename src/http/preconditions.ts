import { ApiError } from "./errors";

/** Longest If-Match header read; a handful of entity tags fits many times over. */
export const MAX_IF_MATCH_LENGTH = 1024;
// One quoted entity tag, optionally weak (RFC 9110 8.8.3); a single class: linear, no backtracking.
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e]*"$/;

/** The entity tags of an If-Match header: "*" or the listed tags. */
export type EntityTags = "*" | string[];

/**
 * Parses If-Match (absent: undefined). Too long or not a list of entity tags: a 400.
 *
 * @example const tags = parseIfMatch(c.req.header("If-Match"));
 */
export function parseIfMatch(header: string | undefined): EntityTags | undefined {
  if (header === undefined) return undefined;
  const bad = (message: string) =>
    new ApiError(400, "validation_failed", "Invalid If-Match header", [{ location: "header", path: "if-match", message }]);
  if (header.length > MAX_IF_MATCH_LENGTH) throw bad(`longer than ${MAX_IF_MATCH_LENGTH} characters`);
  if (header.trim() === "*") return "*";
  const tags = header.split(",").map((t) => t.trim());
  if (!tags.every((t) => ENTITY_TAG.test(t))) throw bad('not "*" or a list of entity tags');
  return tags;
}

/** True when `current` satisfies If-Match: strong comparison, so a weak tag never matches. */
export function ifMatchAllows(tags: EntityTags, current: string): boolean {
  return tags === "*" || tags.includes(current);
}

/** The 412 for a precondition that no longer holds. */
export const preconditionFailed = () =>
  new ApiError(412, "precondition_failed", "The market has changed since the ETag in If-Match was read; fetch it again");

/**
 * The If-Match header as an OpenAPI parameter of the operations that honour it (validated by
 * parseIfMatch in the handler, so typed clients keep it optional).
 */
export const IF_MATCH_PARAMETER = {
  name: "If-Match",
  in: "header",
  required: false,
  description:
    "The ETag of the market as last read (GET). The change is made only if the market still has it; otherwise 412 and nothing changes. `*` matches any existing market.",
  schema: { type: "string", maxLength: MAX_IF_MATCH_LENGTH, pattern: '^(\\*|(W/)?"[!#-~]*"( *, *(W/)?"[!#-~]*")*)$' },
} as const;
