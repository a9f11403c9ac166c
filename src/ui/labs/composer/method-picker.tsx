import { COMMON_METHODS } from './request-checks.ts';

const OTHER = 'other';
const isCommon = (method: string) => (COMMON_METHODS as readonly string[]).includes(method);

/** The common methods, or any other token typed in (try PURGE, or a lower-case patch). */
export function MethodPicker({
  method,
  error,
  onChange,
}: {
  method: string;
  error: string | undefined;
  onChange(method: string): void;
}) {
  const custom = !isCommon(method);
  return (
    <div className="composer-method">
      <label htmlFor="composer-method">Method</label>
      <select
        id="composer-method"
        value={custom ? OTHER : method}
        onChange={(event) => onChange(event.target.value === OTHER ? '' : event.target.value)}
      >
        {COMMON_METHODS.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        <option value={OTHER}>Other…</option>
      </select>
      {custom && (
        <>
          <label htmlFor="composer-method-custom" className="visually-hidden">
            Custom method
          </label>
          <input
            id="composer-method-custom"
            value={method}
            size={9}
            placeholder="PURGE"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'composer-method-error' : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        </>
      )}
      {error && (
        <span id="composer-method-error" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
