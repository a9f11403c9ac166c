/** A rule's standard, as the journal notes and problem pages cite it. */
export interface StandardRef {
  /** Short citation, e.g. "RFC 9110 §15.5.6". */
  cite: string;
  href: string;
}

const RFC_CITE = /^RFC (\d+)(?: §([\d.]+))?$/;

/**
 * Turns "RFC 9110 §15.5.6" into a link to that section on rfc-editor.org; other citations
 * (Internet-Drafts) pass through with the given href.
 */
export function cite(citation: string, href?: string): StandardRef {
  const match = RFC_CITE.exec(citation);
  if (href) return { cite: citation, href };
  if (!match) throw new Error(`cannot link the citation "${citation}"`);
  const [, number, section] = match;
  const anchor = section ? `#section-${section}` : '';
  return { cite: citation, href: `https://www.rfc-editor.org/rfc/rfc${number}${anchor}` };
}
