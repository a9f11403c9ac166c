/**
 * Entity tags and their comparison (RFC 9110 §8.8.3). A tag is an opaque quoted string, weak
 * when prefixed by `W/`. Strong comparison: both strong and the same characters; weak
 * comparison: the same characters, weak or not.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3
 */
export interface EntityTag {
  weak: boolean;
  /** The quoted part, quotes included: `"abc"`. */
  opaque: string;
}

/** What an If-Match or If-None-Match field holds: `*`, a list of tags, or nothing usable. */
export type TagCondition =
  { kind: 'any' } | { kind: 'tags'; tags: EntityTag[] } | { kind: 'malformed' };

// etagc = %x21 / %x23-7E / obs-text (obs-text arrives as U+0080–U+00FF from the Headers API).
const ENTITY_TAG = /^(W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/;

export function parseEntityTag(text: string): EntityTag | undefined {
  const match = ENTITY_TAG.exec(text);
  return match ? { weak: match[1] !== undefined, opaque: match[2] ?? '""' } : undefined;
}

/**
 * Reads `If-Match` / `If-None-Match`: `*` or a comma-separated list (RFC 9110 §5.6.1: empty
 * elements are allowed and ignored). A field with any element that is not a tag is malformed,
 * and a malformed condition matches nothing (shared API.md §9).
 */
export function parseTagCondition(field: string): TagCondition {
  const value = field.trim();
  if (value === '*') return { kind: 'any' };
  const tags: EntityTag[] = [];
  for (const element of value.split(',')) {
    const trimmed = element.trim();
    if (trimmed === '') continue;
    const tag = parseEntityTag(trimmed);
    if (!tag) return { kind: 'malformed' };
    tags.push(tag);
  }
  return tags.length > 0 ? { kind: 'tags', tags } : { kind: 'malformed' };
}

export const strongMatch = (a: EntityTag, b: EntityTag) =>
  !a.weak && !b.weak && a.opaque === b.opaque;
export const weakMatch = (a: EntityTag, b: EntityTag) => a.opaque === b.opaque;

export const formatEntityTag = (tag: EntityTag) => (tag.weak ? `W/${tag.opaque}` : tag.opaque);
