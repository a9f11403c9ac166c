import { useEffect, useState, type FormEvent } from 'react';
import { useReveal } from '../../shared/use-reveal.ts';
import { useCreateRow } from './api/create-row.ts';
import { useUpdateRow, type UpdateMethod } from './api/update-row.ts';
import { formErrors } from './form-errors.ts';
import { fieldMessage, Outcome, successText } from './form-outcome.tsx';
import { FormField } from './form-field.tsx';
import {
  changedFields,
  fullBody,
  initialValues,
  patchBody,
  valuesOf,
  type FormValues,
} from './form-values.ts';
import { MethodChoice } from './method-choice.tsx';
import { RequestPreview } from './request-preview.tsx';
import {
  collectionPath,
  rowPath,
  type FieldSpec,
  type ResourceSpec,
  type Row,
} from './resources.ts';

interface RowFormProps {
  spec: ResourceSpec;
  /** The row being edited; none means the form creates a new one. */
  editing: Row | undefined;
  onCancelEdit(): void;
  onCreated(): void;
}

/**
 * Create (POST) or edit (PUT or PATCH) one row. `noValidate`: the server is the validator here,
 * and its 422 and 409 answers land on the fields they point at.
 */
export function RowForm({ spec, editing, onCancelEdit, onCreated }: RowFormProps) {
  const [base, setBase] = useState<FormValues>(() =>
    editing ? valuesOf(spec.fields, editing) : initialValues(spec.fields),
  );
  const [values, setValues] = useState<FormValues>(base);
  const [method, setMethod] = useState<UpdateMethod>('PATCH');
  // What the last submit sent: shown, instead of the next request, while its answer is shown.
  const [sent, setSent] = useState<{ method: string; path: string; body: object } | undefined>();
  const create = useCreateRow(spec.name);
  const update = useUpdateRow(spec.name);
  const mutation = editing ? update : create;
  const errors = formErrors(mutation.error, spec.fields);
  const fieldId = (field: FieldSpec) => `explorer-${spec.name}-${field.name}`;

  const changed = new Set(changedFields(spec.fields, values, base).map((field) => field.name));
  const sendMethod = editing ? method : 'POST';
  const path = editing ? rowPath(spec.name, editing.id) : collectionPath(spec.name);
  const body =
    editing && method === 'PATCH'
      ? patchBody(spec.fields, values, base)
      : fullBody(spec.fields, values);

  // Opening an edit moves the keyboard (and the view) to the form.
  const editingId = editing?.id;
  const firstFieldId = spec.fields[0] ? fieldId(spec.fields[0]) : undefined;
  useEffect(() => {
    if (editingId && firstFieldId) document.getElementById(firstFieldId)?.focus();
  }, [editingId, firstFieldId]);

  // After a refusal, put the keyboard on the first field the server pointed at.
  const firstInvalid = spec.fields.find((field) => errors.fields[field.name]);
  const firstInvalidId = firstInvalid ? fieldId(firstInvalid) : undefined;
  useEffect(() => {
    if (mutation.error && firstInvalidId) document.getElementById(firstInvalidId)?.focus();
  }, [mutation.error, firstInvalidId]);

  // After an answer (success or refusal), its line must be in view: the form can be long.
  const answered = mutation.isSuccess || mutation.isError;
  const outcomeRef = useReveal<HTMLDivElement>(answered ? mutation.submittedAt : undefined);
  const showSent = mutation.isSuccess && sent !== undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent({ method: sendMethod, path, body });
    if (editing) {
      update.mutate(
        { id: editing.id, method, body },
        {
          onSuccess: (result) => {
            const next = valuesOf(spec.fields, result.body as Row);
            setBase(next);
            setValues(next);
          },
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: () => {
          setValues(initialValues(spec.fields));
          onCreated();
        },
      });
    }
  }

  const headingId = `explorer-${spec.name}-form-title`;
  return (
    <section className="explorer-form" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {editing ? (
          <>
            Edit {spec.singular} <code>{editing.id}</code>
          </>
        ) : (
          <>New {spec.singular}</>
        )}
      </h2>
      <form noValidate onSubmit={submit}>
        {editing && <MethodChoice singular={spec.singular} method={method} onChange={setMethod} />}
        {spec.fields.map((field) => (
          <FormField
            key={field.name}
            id={fieldId(field)}
            field={field}
            value={values[field.name] ?? ''}
            onChange={(value) => {
              if (mutation.isSuccess) mutation.reset();
              setValues((current) => ({ ...current, [field.name]: value }));
            }}
            error={fieldMessage(field, errors)}
            changed={editing !== undefined && changed.has(field.name)}
          />
        ))}
        <div className="explorer-form-actions">
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {editing ? `Send ${method}` : `Create ${spec.singular}`}
          </button>
          {editing && (
            <button type="button" onClick={onCancelEdit}>
              Cancel
            </button>
          )}
          {mutation.isPending && <span className="loading">Sending…</span>}
        </div>
        <div ref={outcomeRef} className="explorer-outcome" data-testid="explorer-outcome">
          <Outcome
            errors={errors}
            success={successText(mutation.data?.status, mutation.data?.headers)}
          />
        </div>
      </form>
      {editing && method === 'PATCH' && changed.size === 0 && !showSent && (
        <p className="explorer-note">
          Nothing changed yet: the patch is <code>{'{}'}</code>, and the server would answer 200
          leaving <code>updated_at</code> as it is.
        </p>
      )}
      {showSent ? (
        <RequestPreview {...sent} caption="The request sent" />
      ) : (
        <RequestPreview method={sendMethod} path={path} body={body} />
      )}
    </section>
  );
}
