import { isInnerList, parseList, type Item } from 'structured-headers';

/** One rate-limit header, as sent and as a reader should understand it. */
export interface DecodedHeader {
  name: string;
  value: string;
  /** Plain words; or why the value could not be read. */
  meaning: string;
  ok: boolean;
}

const NAMES = [
  'RateLimit-Policy',
  'RateLimit',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
];

/**
 * Decodes the rate-limit headers of a response. RateLimit and RateLimit-Policy are structured
 * fields (RFC 8941 Lists), read with a real parser; the legacy ones are plain integers.
 */
export function decodeRateLimitHeaders(headers: Iterable<[string, string]>): DecodedHeader[] {
  const byName = new Map([...headers].map(([name, value]) => [name.toLowerCase(), value]));
  const out: DecodedHeader[] = [];
  for (const name of NAMES) {
    const value = byName.get(name.toLowerCase());
    if (value === undefined) continue;
    try {
      out.push({ name, value, meaning: explain(name, value), ok: true });
    } catch (error) {
      out.push({
        name,
        value,
        meaning: error instanceof Error ? error.message : String(error),
        ok: false,
      });
    }
  }
  return out;
}

function explain(name: string, value: string): string {
  switch (name) {
    case 'RateLimit-Policy':
      return parseItems(value)
        .map(([policy, params]) => {
          const q = integer(params, 'q');
          const w = params.has('w') ? integer(params, 'w') : undefined;
          return `policy “${policy}”: ${q} requests${w === undefined ? '' : ` per ${seconds(w)}`}`;
        })
        .join('; ');
    case 'RateLimit':
      return parseItems(value)
        .map(([policy, params]) => {
          const r = integer(params, 'r');
          const t = integer(params, 't');
          const back =
            t === 0
              ? 'the whole quota is available now'
              : `the whole quota is back in ${seconds(t)}`;
          return `“${policy}”: ${r} request${r === 1 ? '' : 's'} left now; ${back}`;
        })
        .join('; ');
    case 'X-RateLimit-Limit':
      return `${plain(value)} requests per window (legacy)`;
    case 'X-RateLimit-Remaining':
      return `${plain(value)} left (legacy)`;
    case 'X-RateLimit-Reset':
      return `whole quota back at ${new Date(plain(value) * 1000).toISOString().slice(11, 19)} UTC, virtual time (legacy, epoch seconds)`;
    default:
      return `wait ${seconds(plain(value))}, then retry: it will be admitted`;
  }
}

function parseItems(value: string): [string, Map<string, unknown>][] {
  return parseList(value).map((member) => {
    if (isInnerList(member)) throw new Error('an inner list where an item was expected');
    const [bare, params] = member as Item;
    if (typeof bare !== 'string') throw new Error('the policy name must be a String');
    return [bare, params as Map<string, unknown>];
  });
}

function integer(params: Map<string, unknown>, key: string): number {
  const value = params.get(key);
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new Error(`no integer parameter ${key}`);
  return value;
}

/** A legacy header or Retry-After: a non-negative decimal integer (RFC 9110 §10.2.3). */
function plain(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(number) || number < 0)
    throw new Error('not a whole number');
  return number;
}

const seconds = (n: number) => (n === 1 ? '1 second' : `${n} seconds`);
