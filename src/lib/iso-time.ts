const DAY_MS = 86_400_000;
// Up to 9999-12-31T23:59:59.999Z toISOString writes a 4-digit year, which the day prefix assumes.
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;
/** Distinct days kept before the table starts over (a page spans a few hundred at most). */
const MAX_DAYS = 4_096;

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const THREE = Array.from({ length: 1_000 }, (_, i) => String(i).padStart(3, "0"));
const dayPrefixes = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, the same text, about ten times faster: every response renders two
 * timestamps per market (forty on a list page), and the builtin (a Date and a runtime call each)
 * measured as the largest single part of a list page's own JS. The date part ("2026-11-30T") is
 * kept per day; the time of day is arithmetic. Anything outside 1970 to 9999, or not a whole
 * millisecond, goes to the builtin.
 *
 * @example isoTime(Date.UTC(2026, 10, 30, 3, 4, 5, 6)); // "2026-11-30T03:04:05.006Z"
 */
export function isoTime(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > LAST_FOUR_DIGIT_YEAR_MS) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= MAX_DAYS) dayPrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const t = ms - day * DAY_MS;
  return `${prefix}${TWO[Math.floor(t / 3_600_000)]}:${TWO[Math.floor(t / 60_000) % 60]}:${TWO[Math.floor(t / 1_000) % 60]}.${THREE[t % 1_000]}Z`;
}
