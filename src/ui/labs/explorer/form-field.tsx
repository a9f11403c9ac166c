import type { FieldSpec } from './resources.ts';

interface FormFieldProps {
  id: string;
  field: FieldSpec;
  value: string;
  onChange(value: string): void;
  /** The server's message for this field, already phrased for display. */
  error: string | undefined;
  /** Marks a field a merge patch would send. */
  changed: boolean;
}

/** One labelled field; a server error marks it invalid and is linked by aria-describedby. */
export function FormField({ id, field, value, onChange, error, changed }: FormFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error ? `${errorId} ${hintId}` : hintId;
  const common = {
    id,
    name: field.name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;

  return (
    <div className="explorer-field">
      <label htmlFor={id}>
        {field.label}{' '}
        <code className="explorer-field-name" aria-hidden="true">
          {field.name}
        </code>
        {changed && <span className="badge explorer-changed">changed</span>}
      </label>
      {field.kind === 'select' ? (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type="text"
          inputMode={
            field.kind === 'integer' ? 'numeric' : field.kind === 'email' ? 'email' : 'text'
          }
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
      <span id={hintId} className="explorer-hint">
        {field.hint}
      </span>
    </div>
  );
}
