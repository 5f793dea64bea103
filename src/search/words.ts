const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a text: runs of letters and digits, lower-cased, without diacritics
 * ("São Paulo!" -> ["sao", "paulo"]). Shared by the hashing embedder and the keyword query.
 */
export const words = (text: string): string[] =>
  text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().match(WORD) ?? [];
