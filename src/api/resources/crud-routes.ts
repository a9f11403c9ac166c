import { note, type ApiContext } from '../context.ts';
import { readJsonObject } from '../middleware/body/read-json-body.ts';
import { applyMergePatch } from '../merge-patch.ts';
import { listRows } from '../pagination/list-route.ts';
import { ProblemError } from '../problems.ts';
import { JSON_TYPE, MERGE_PATCH_TYPE, respondEmpty, respondJson } from '../respond.ts';
import type { Route } from '../router.ts';
import { cite } from '../standards.ts';
import { UniqueViolation } from '../store/collection.ts';
import { toRfc3339 } from '../clock.ts';
import type { Row } from '../store/row.ts';
import { READ_ONLY_FIELDS, type ResourceDefinition } from './resource-definition.ts';
import { validateWrite } from './validate-write.ts';

export const API_BASE = '/api/v1';

/**
 * The CRUD routes of one resource (docs: shared API.md §2). Each write validates fully before it
 * touches the store, and then runs in one synchronous store transaction.
 */
export function crudRoutes(resource: ResourceDefinition): Route[] {
  const base = `${API_BASE}/${resource.name}`;
  const { name } = resource;

  // API.md §3: offset and keyset pages, sorts, cursors, Link (src/api/pagination).
  const list = (context: ApiContext) => listRows(context, name);

  const create = async (context: ApiContext) => {
    const body = (await readJsonObject(context, JSON_TYPE)) ?? {};
    const fields = validateWrite(resource, body, body);
    const { store, clock } = context.env;
    const row = store.transaction(() => {
      const now = toRfc3339(clock.now());
      const created: Row = { id: store.nextId(name), ...fields, created_at: now, updated_at: now };
      insertOrConflict(context, resource, () => store.insert(name, created));
      return created;
    });
    const location = `${base}/${encodeURIComponent(row.id)}`;
    note(context, `Created ${row.id} → 201 with Location`, cite('RFC 9110 §15.3.2'));
    respondJson(context, 201, row, { Location: location });
  };

  const read = (context: ApiContext) => {
    respondJson(context, 200, existing(context, resource));
  };

  const replace = async (context: ApiContext) => {
    existing(context, resource); // an unknown id is 404 before any body problem
    const body = (await readJsonObject(context, JSON_TYPE)) ?? {};
    // Read again: while the body arrived, another request may have changed or deleted the row.
    const current = existing(context, resource);
    const fields = validateWrite(resource, body, body);
    note(
      context,
      'PUT replaces the whole resource: fields not sent take their defaults',
      cite('RFC 9110 §9.3.4'),
    );
    saveFields(context, resource, current, fields);
  };

  const patch = async (context: ApiContext) => {
    existing(context, resource);
    const body = (await readJsonObject(context, MERGE_PATCH_TYPE)) ?? {};
    // Merge onto the row as it is now, not as it was before the body arrived (no lost update).
    const current = existing(context, resource);
    const merged = applyMergePatch(writableFields(current), body) as Record<string, unknown>;
    const nulled = Object.keys(body).filter((key) => body[key] === null);
    const fields = validateWrite(resource, body, merged, nulled);
    note(context, 'JSON Merge Patch applied: absent = unchanged, null = removed', cite('RFC 7396'));
    saveFields(context, resource, current, fields);
  };

  const remove = (context: ApiContext) => {
    const { store } = context.env;
    const id = context.params.id ?? '';
    if (!store.collection(name).get(id)) throw notFound(resource, id, true);
    store.delete(name, id);
    note(context, `Deleted ${id} → 204`, cite('RFC 9110 §9.3.5'));
    respondEmpty(context, 204);
  };

  return [
    { path: base, methods: { GET: list, POST: create } },
    { path: `${base}/:id`, methods: { GET: read, PUT: replace, PATCH: patch, DELETE: remove } },
  ];
}

function existing(context: ApiContext, resource: ResourceDefinition): Row {
  const id = context.params.id ?? '';
  const row = context.env.store.collection(resource.name).get(id);
  if (!row) throw notFound(resource, id, false);
  return row;
}

function notFound(resource: ResourceDefinition, id: string, deleting: boolean): ProblemError {
  return new ProblemError('not-found', `There is no ${resource.singular} with id "${id}".`, {
    rule: deleting
      ? 'DELETE of an absent id → 404: the state is the same as after the first DELETE (idempotent, RFC 9110 §9.2.2)'
      : 'Unknown id → 404 (RFC 9110 §15.5.5)',
  });
}

function writableFields(row: Row): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...row };
  for (const key of READ_ONLY_FIELDS) delete fields[key];
  return fields;
}

/** Writes new field values onto a row, bumping updated_at only when something changed. */
function saveFields(
  context: ApiContext,
  resource: ResourceDefinition,
  current: Row,
  fields: Record<string, unknown>,
) {
  // `===`, not Object.is: -0 and 0 are the same JSON number, so sending -0 changes nothing.
  const unchanged = Object.keys(resource.writeSchema.shape).every(
    (key) => current[key] === fields[key],
  );
  if (unchanged) {
    note(context, 'Nothing changed: updated_at kept');
    respondJson(context, 200, current);
    return;
  }
  const { store, clock } = context.env;
  const next: Row = {
    id: current.id,
    ...fields,
    created_at: current.created_at,
    updated_at: toRfc3339(clock.now()),
  };
  store.transaction(() =>
    insertOrConflict(context, resource, () => store.replace(resource.name, next)),
  );
  respondJson(context, 200, next);
}

function insertOrConflict(
  context: ApiContext,
  resource: ResourceDefinition,
  write: () => void,
): void {
  try {
    write();
  } catch (error) {
    if (!(error instanceof UniqueViolation)) throw error;
    throw new ProblemError(
      'duplicate-value',
      `Another ${resource.singular} (${error.holderId}) already has this ${error.field}.`,
      {
        errors: [
          {
            pointer: `/${error.field}`,
            detail: `is already taken by ${resource.singular} ${error.holderId}`,
          },
        ],
        extensions: { conflicting_id: error.holderId },
        rule: `Unique ${error.field} already held by ${error.holderId} → 409 (RFC 9110 §15.5.10)`,
      },
    );
  }
}
