/**
 * Test helpers for pagination: parse a Link header (RFC 8288) the way a client would, and a
 * reference order written independently of the code under test.
 */
import type { Row } from '../store/row.ts';
import type { SortName } from './sort.ts';

/** rel → target, for the simple `<uri>; rel="x"` links this API sends. */
export function parseLinks(header: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  for (const match of (header ?? '').matchAll(/<([^>]*)>\s*;\s*rel="([^"]+)"/g)) {
    links[match[2] as string] = match[1] as string;
  }
  return links;
}

/** Code points one by one: the definition API.md §3 gives, spelled out. */
function byCodePoints(a: string, b: string): number {
  const x = Array.from(a, (char) => char.codePointAt(0) as number);
  const y = Array.from(b, (char) => char.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

/** The order a sort defines: field, then id, both in the sort's direction. */
export function referenceOrder(sort: SortName): (a: Row, b: Row) => number {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  return (a, b) => {
    const byField = byCodePoints(String(a[field]), String(b[field]));
    const order = byField !== 0 ? byField : byCodePoints(a.id, b.id);
    return descending ? -order : order;
  };
}
