import type { ParsedHeaders } from './parse-headers.ts';

/** A textarea of `Name: value` lines; each malformed line is named inline, never thrown. */
export function HeadersEditor({
  value,
  parsed,
  onChange,
}: {
  value: string;
  parsed: ParsedHeaders;
  onChange(value: string): void;
}) {
  const invalid = parsed.errors.length > 0;
  const describedBy = ['composer-headers-hint', invalid ? 'composer-headers-errors' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="composer-headers">
      <label htmlFor="composer-headers">Headers</label>
      <textarea
        id="composer-headers"
        rows={4}
        spellCheck={false}
        value={value}
        placeholder={'Content-Type: application/json\nX-Request-Id: my-id-1'}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id="composer-headers-hint" className="composer-hint">
        One <code>Name: value</code> per line; lines starting with # are skipped.
      </span>
      {invalid && (
        <ul id="composer-headers-errors" className="composer-issues field-error">
          {parsed.errors.map((issue) => (
            <li key={issue.line}>
              Line {issue.line} <code>{issue.text}</code> {issue.message}.
            </li>
          ))}
        </ul>
      )}
      {parsed.warnings.length > 0 && (
        <ul className="composer-issues composer-warnings">
          {parsed.warnings.map((issue) => (
            <li key={issue.line}>
              Line {issue.line}: {issue.message}.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
