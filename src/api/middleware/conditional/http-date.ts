/* eslint-disable no-restricted-globals -- calendar arithmetic on given instants; the wall clock is never read here */
/**
 * HTTP-date (RFC 9110 §5.6.7): IMF-fixdate to send; IMF-fixdate, RFC 850 and asctime accepted,
 * strictly (a date that is not one of them is malformed, and a malformed date is ignored:
 * §13.1.3, §13.1.4). Whole seconds, GMT.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

/** Epoch ms (a multiple of 1000) as IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`. */
export function formatHttpDate(epochMs: number): string {
  // toUTCString is specified to produce exactly IMF-fixdate (ECMA-262 Date.prototype.toUTCString).
  return new Date(Math.floor(epochMs / 1000) * 1000).toUTCString();
}

/**
 * Epoch ms of an HTTP-date, or undefined when malformed. An RFC 850 two-digit year is read as
 * the most recent year with those digits that is not more than 50 years after `nowMs`.
 */
export function parseHttpDate(text: string, nowMs: number): number | undefined {
  let day: string | undefined;
  let month: string | undefined;
  let year: number;
  let time: (string | undefined)[];
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    [, , day, month] = match;
    year = Number(match[4]);
    time = match.slice(5, 8);
  } else if ((match = RFC_850.exec(text))) {
    [, , day, month] = match;
    const nowYear = new Date(nowMs).getUTCFullYear();
    year = Math.floor(nowYear / 100) * 100 + Number(match[4]);
    if (year > nowYear + 50) year -= 100;
    time = match.slice(5, 8);
  } else if ((match = ASCTIME.exec(text))) {
    [, , month, day] = match;
    year = Number(match[7]);
    time = match.slice(4, 7);
  } else {
    return undefined;
  }
  const monthIndex = MONTHS.indexOf(month ?? '');
  const [hours, minutes, seconds] = time.map(Number);
  const dayOfMonth = Number(day?.trim());
  if (hours === undefined || minutes === undefined || seconds === undefined) return undefined;
  if (hours > 23 || minutes > 59 || seconds > 60) return undefined;
  const ms = Date.UTC(year, monthIndex, dayOfMonth, hours, minutes, Math.min(seconds, 59));
  // Date.UTC rolls 31 Feb over into March: such a date is not a date.
  if (new Date(ms).getUTCDate() !== dayOfMonth) return undefined;
  return ms;
}
