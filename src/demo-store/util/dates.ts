/** Date formats used by the two API generations. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** V3 style: `2018-09-05T20:46:37+00:00` (BigCommerce writes the offset, not `Z`). */
export function isoDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}

/** V2 style RFC-2822: `Wed, 13 Mar 2019 16:35:37 +0000`. */
export function rfc2822(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * Parse a date filter value: ISO-8601 (date or date-time), RFC-2822, or unix seconds.
 * Returns NaN when unparseable. A bare `YYYY-MM-DD` is taken as midnight UTC.
 */
export function parseDateParam(raw: string): number {
  const s = raw.trim();
  if (/^\d{9,11}$/.test(s)) return Number(s) * 1000; // [unverified] unix seconds accepted
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Date.parse(`${s}T00:00:00Z`);
  return Date.parse(s);
}
