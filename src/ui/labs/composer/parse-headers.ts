import { isForbiddenRequestHeader } from '../../shared/forbidden-headers.ts';

/** A problem with one line of the headers editor (1-based line number). */
export interface HeaderLineIssue {
  line: number;
  text: string;
  message: string;
}

export interface ParsedHeaders {
  headers: [string, string][];
  /** Lines that cannot be sent: the request waits until they are fixed. */
  errors: HeaderLineIssue[];
  /** Lines that will be sent but changed or dropped by the browser. */
  warnings: HeaderLineIssue[];
}

/** RFC 9110 §5.6.2: a field name is a token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Control characters other than HTAB (RFC 9110 §5.5). */
const hasControl = (value: string) =>
  [...value].some((char) => {
    const code = char.charCodeAt(0);
    return (code < 0x20 && code !== 0x09) || code === 0x7f;
  });
/** Fetch's Headers takes byte strings only: every character must be U+0000–U+00FF. */
const hasNonLatin1 = (value: string) => [...value].some((char) => char.charCodeAt(0) > 0xff);

/**
 * Reads the headers editor: one `Name: value` per line; blank lines and `#` comments are
 * skipped. Never throws: every malformed line comes back as an error saying what is wrong.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5
 */
export function parseHeaderLines(source: string): ParsedHeaders {
  const result: ParsedHeaders = { headers: [], errors: [], warnings: [] };
  source.split('\n').forEach((raw, index) => {
    const text = raw.replace(/\r$/, '');
    const line = index + 1;
    const issue = (message: string) => ({ line, text, message });
    if (text.trim() === '' || text.trimStart().startsWith('#')) return;

    if (/^[ \t]/.test(text)) {
      result.errors.push(
        issue('starts with a space: folded lines are not allowed (RFC 9112 §5.2)'),
      );
      return;
    }
    const colon = text.indexOf(':');
    if (colon === -1) {
      result.errors.push(issue('has no colon: write it as Name: value'));
      return;
    }
    const name = text.slice(0, colon);
    const value = text.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (name === '') {
      result.errors.push(issue('has no header name before the colon'));
    } else if (/[ \t]$/.test(name)) {
      result.errors.push(issue('has a space before the colon, which HTTP forbids (RFC 9112 §5.1)'));
    } else if (!TOKEN.test(name)) {
      result.errors.push(
        issue(`“${name}” is not a valid header name: use letters, digits and !#$%&'*+-.^_\`|~`),
      );
    } else if (hasControl(value)) {
      result.errors.push(issue('has a control character in its value (RFC 9110 §5.5)'));
    } else if (hasNonLatin1(value)) {
      result.errors.push(
        issue('has characters beyond U+00FF in its value, which fetch cannot send'),
      );
    } else {
      const lower = name.toLowerCase();
      if (isForbiddenRequestHeader(lower)) {
        result.warnings.push(
          issue(`${name} is a forbidden request header: the browser will not send it`),
        );
      }
      result.headers.push([name, value]);
    }
  });
  return result;
}
