import type { UpdateMethod } from './api/update-row.ts';

const CHOICES: { method: UpdateMethod; title: string; explain: (singular: string) => string }[] = [
  {
    method: 'PATCH',
    title: 'PATCH · merge patch',
    explain: () => 'sends only the changed fields; the rest stay as they are (RFC 7396)',
  },
  {
    method: 'PUT',
    title: 'PUT · full replacement',
    explain: (singular) =>
      `sends every field: the ${singular} becomes exactly this, and a field left out is a 422`,
  },
];

/** PUT or PATCH for an edit, each with what it means, so the choice teaches the difference. */
export function MethodChoice({
  singular,
  method,
  onChange,
}: {
  singular: string;
  method: UpdateMethod;
  onChange(method: UpdateMethod): void;
}) {
  return (
    <fieldset className="explorer-method">
      <legend>Send the change as</legend>
      {CHOICES.map((choice) => (
        <label key={choice.method}>
          <input
            type="radio"
            name="explorer-update-method"
            value={choice.method}
            checked={method === choice.method}
            onChange={() => onChange(choice.method)}
          />
          <span>
            <strong>{choice.title}</strong>: {choice.explain(singular)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
