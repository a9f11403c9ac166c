import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';
import { BODY_DISPLAY_LIMIT, prettyBody, safeHref } from '../../shared/journal-format.ts';

/** Headers as a name/value table. Values are text nodes: React escapes them. */
export function HeadersTable({
  headers,
  caption,
}: {
  headers: Record<string, string>;
  caption: string;
}) {
  const rows = Object.entries(headers);
  if (rows.length === 0) return <p className="log-muted">No headers.</p>;
  return (
    <table className="data-table log-headers">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A body, JSON pretty-printed, cut at BODY_DISPLAY_LIMIT characters. */
export function BodyView({
  body,
  contentType,
  label,
}: {
  body: string | null;
  contentType: string | undefined;
  label: string;
}) {
  if (body === null || body === '') return <p className="log-muted">No body.</p>;
  const text = prettyBody(body, contentType);
  const cut = text.length > BODY_DISPLAY_LIMIT;
  return (
    <>
      {/* Focusable so keyboard users can scroll a long body. */}
      <pre className="code-block log-body" tabIndex={0} aria-label={label}>
        {cut ? text.slice(0, BODY_DISPLAY_LIMIT) : text}
      </pre>
      {cut && (
        <p className="log-muted">
          Showing the first {BODY_DISPLAY_LIMIT.toLocaleString('en-US')} of{' '}
          {text.length.toLocaleString('en-US')} characters; Export HAR has it all.
        </p>
      )}
    </>
  );
}

/** The journal's notes: which rule decided what, each linked to its standard. */
export function NotesList({ notes }: { notes: JournalEntry['notes'] }) {
  if (notes.length === 0) return <p className="log-muted">No rule left a note on this request.</p>;
  return (
    <ol className="log-notes">
      {notes.map((note, index) => {
        const href = note.standard ? safeHref(note.standard.href) : undefined;
        return (
          <li key={index}>
            <span>{note.rule}</span>
            {note.standard && (
              <>
                {' '}
                {href ? (
                  <a href={href} target="_blank" rel="noreferrer noopener">
                    {note.standard.cite}
                  </a>
                ) : (
                  <span className="log-muted">{note.standard.cite}</span>
                )}
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
