import { z } from 'zod';
import { note, type ApiContext } from '../context.ts';
import { applyMergePatch } from '../merge-patch.ts';
import { listRows } from '../pagination/list-route.ts';
import { listQuerySchema } from '../pagination/list-query.ts';
import type { CursorKey } from '../pagination/cursor.ts';
import { SORTS, sortOf } from '../pagination/sort.ts';
import { ProblemError } from '../problems.ts';
import { JSON_TYPE, MERGE_PATCH_TYPE, respondEmpty, respondJson } from '../respond.ts';
import { collectionPath, itemPath } from '../routes/api-base.ts';
import { readRouteBody } from '../routes/read-body.ts';
import { defineRoute, type AnyRoute, type ResponseSpec } from '../routes/route.ts';
import { cite } from '../standards.ts';
import { UniqueViolation } from '../store/collection.ts';
import type { Store } from '../store/store.ts';
import { toRfc3339 } from '../clock.ts';
import type { Row } from '../store/row.ts';
import {
  READ_ONLY_FIELDS,
  representationSchema,
  type CrudOperation,
  type ResourceDefinition,
} from './resource-definition.ts';
import { validateWrite } from './validate-write.ts';
import { runWriteGuards } from './write-guard.ts';
import { sealWriteOnly } from './write-only.ts';

export const ID_PARAMS = z.strictObject({
  id: z.string().meta({ description: 'The resource’s id.' }),
});

/** The answers every write shares: body problems, 422, and a duplicate unique value. */
export function writeProblems(contentType: string, unique: boolean): Record<number, ResponseSpec> {
  const responses: Record<number, ResponseSpec> = {
    400: {
      description: 'The body is not one JSON object.',
      problems: ['malformed-json', 'invalid-body'],
    },
    413: {
      description: 'The body is larger than limits.max_body_bytes.',
      problems: ['content-too-large'],
    },
    415: { description: `The body is not ${contentType}.`, problems: ['unsupported-media-type'] },
    422: {
      description:
        'Missing, unknown or read-only fields, or a value out of its rules; nothing changed.',
      problems: ['validation-failed'],
    },
  };
  if (unique) {
    responses[409] = {
      description: 'Another row already holds a unique value.',
      problems: ['duplicate-value'],
    };
  }
  return responses;
}

export const notFoundResponse: ResponseSpec = {
  description: 'No row has this id.',
  problems: ['not-found'],
};

/**
 * The CRUD routes of one resource (docs: shared API.md §2), as data: each states its schemas and
 * answers, and the same objects generate the OpenAPI document. Each write validates fully before
 * it touches the store, and then runs in one synchronous store transaction.
 */
export function crudRoutes(
  resource: ResourceDefinition,
  store: Store,
  cursorKey: CursorKey,
): AnyRoute[] {
  const { name, singular, title } = resource;
  const base = collectionPath(name);
  const item = `${base}/{id}`;
  const tags = [title + 's'];
  const itemPolicies = { resource: name, validators: 'item' } as const;
  const policiesOf = (operation: CrudOperation) => ({
    ...(operation === 'list' ? { resource: name, validators: 'list' as const } : itemPolicies),
    ...resource.policies?.[operation],
  });
  // The request body: the row's fields and the write-only ones (a password, marked writeOnly).
  const writeBody = resource.writeOnly
    ? resource.writeSchema.extend(resource.writeOnly.shape)
    : resource.writeSchema;
  const representation = representationSchema(resource);
  const unique = (resource.collection.uniqueFields?.length ?? 0) > 0;
  const collection = store.collection(name);
  const sorts = SORTS.filter((sort) => collection.index(sortOf(sort).field));
  const [firstSort, ...otherSorts] = sorts;
  if (!firstSort) throw new Error(`${name} has no sort index`);

  const created = async (context: ApiContext) => {
    const body = await readRouteBody(context);
    const fields = validateWrite(resource, body, body);
    const keep = await sealWriteOnly(context, resource, body, true);
    const { clock } = context.env;
    const row = store.transaction(() => {
      const now = toRfc3339(clock.now());
      const fresh: Row = { id: store.nextId(name), ...fields, created_at: now, updated_at: now };
      runWriteGuards(context, undefined, fresh);
      insertOrConflict(context, resource, () => store.insert(name, fresh));
      keep?.(fresh.id);
      return fresh;
    });
    note(context, `Created ${row.id} → 201 with Location`, cite('RFC 9110 §15.3.2'));
    respondJson(context, 201, row, { Location: itemPath(name, row.id) });
  };

  const replace = async (context: ApiContext) => {
    existing(context, resource); // an unknown id is 404 before any body problem
    const body = await readRouteBody(context);
    const fields = validateWrite(resource, body, body);
    const keep = await sealWriteOnly(context, resource, body, false);
    // Read again: while the body arrived, another request may have changed or deleted the row.
    const current = existing(context, resource);
    note(
      context,
      'PUT replaces the whole resource: fields not sent take their defaults',
      cite('RFC 9110 §9.3.4'),
    );
    saveFields(context, resource, current, fields, keep);
  };

  const patch = async (context: ApiContext) => {
    existing(context, resource);
    const body = await readRouteBody(context);
    // Checked before the slow sealing, so a bad patch is refused at once.
    const nulled = Object.keys(body).filter((key) => body[key] === null);
    const early = applyMergePatch(writableFields(existing(context, resource)), body);
    validateWrite(resource, body, early as Record<string, unknown>, nulled);
    const keep = await sealWriteOnly(context, resource, body, false);
    // Merge onto the row as it is now, not as it was before the body arrived (no lost update).
    const current = existing(context, resource);
    const merged = applyMergePatch(writableFields(current), body) as Record<string, unknown>;
    const fields = validateWrite(resource, body, merged, nulled);
    note(context, 'JSON Merge Patch applied: absent = unchanged, null = removed', cite('RFC 7396'));
    saveFields(context, resource, current, fields, keep);
  };

  const remove = (context: ApiContext) => {
    const id = context.params.id ?? '';
    const current = store.collection(name).get(id);
    if (!current) throw notFound(resource, id, true);
    // Synchronous from here to the write: no other request runs in between.
    runWriteGuards(context, current, undefined);
    store.transaction(() => {
      store.delete(name, id);
      if (resource.writeOnly) context.var.writeOnlyKeeper?.forget(name, id);
    });
    note(context, `Deleted ${id} → 204`, cite('RFC 9110 §9.3.5'));
    respondEmpty(context, 204);
  };

  const page = pageSchema(representation);

  return [
    defineRoute({
      method: 'GET',
      path: base,
      operationId: `list${title}s`,
      summary: `List ${name}`,
      description:
        'An offset page (offset, limit, total) or a keyset page (cursor); next and prev cursors and a Link header in the request’s own style (shared API.md §3).',
      tags,
      policies: policiesOf('list'),
      request: { query: listQuerySchema([firstSort, ...otherSorts]) },
      responses: {
        200: {
          description: `A page of ${name}.`,
          schema: page,
          headers: ['Link', 'Server-Timing'],
        },
        400: {
          description: 'A bad query parameter, or a cursor that is not one this API signed.',
          problems: ['invalid-parameter', 'invalid-cursor'],
        },
      },
      handler: (context, { query }) => listRows(context, name, query, cursorKey),
    }),
    defineRoute({
      method: 'POST',
      path: base,
      operationId: `create${title}`,
      summary: `Create a ${singular}`,
      tags,
      policies: policiesOf('create'),
      request: { body: { contentType: JSON_TYPE, schema: writeBody } },
      responses: {
        201: { description: `The new ${singular}.`, schema: representation, headers: ['Location'] },
        ...writeProblems(JSON_TYPE, unique),
      },
      handler: created,
    }),
    defineRoute({
      method: 'GET',
      path: item,
      operationId: `get${title}`,
      summary: `Read one ${singular}`,
      tags,
      policies: policiesOf('read'),
      request: { params: ID_PARAMS },
      responses: {
        200: { description: `The ${singular}.`, schema: representation },
        404: notFoundResponse,
      },
      handler: (context) => respondJson(context, 200, existing(context, resource)),
    }),
    defineRoute({
      method: 'PUT',
      path: item,
      operationId: `replace${title}`,
      summary: `Replace a ${singular}`,
      description:
        'Full replacement (RFC 9110 §9.3.4): every required field must be sent; created_at is kept.',
      tags,
      policies: policiesOf('replace'),
      request: {
        params: ID_PARAMS,
        body: { contentType: JSON_TYPE, schema: writeBody },
      },
      responses: {
        200: { description: `The ${singular} as replaced.`, schema: representation },
        404: notFoundResponse,
        ...writeProblems(JSON_TYPE, unique),
      },
      handler: replace,
    }),
    defineRoute({
      method: 'PATCH',
      path: item,
      operationId: `patch${title}`,
      summary: `Change some fields of a ${singular} (JSON Merge Patch)`,
      description:
        'RFC 7396: absent = unchanged, null = removed (so null on a required field is 422).',
      tags,
      policies: policiesOf('patch'),
      request: {
        params: ID_PARAMS,
        body: { contentType: MERGE_PATCH_TYPE, schema: writeBody.partial() },
      },
      responses: {
        200: { description: `The ${singular} after the patch.`, schema: representation },
        404: notFoundResponse,
        ...writeProblems(MERGE_PATCH_TYPE, unique),
      },
      handler: patch,
    }),
    defineRoute({
      method: 'DELETE',
      path: item,
      operationId: `delete${title}`,
      summary: `Delete a ${singular}`,
      description:
        'Afterwards GET is 404, and so is DELETE again: the state is the same (idempotent).',
      tags,
      policies: policiesOf('delete'),
      request: { params: ID_PARAMS },
      responses: { 204: { description: 'Deleted.' }, 404: notFoundResponse },
      handler: remove,
    }),
  ];
}

/** A list page of `representation` rows (shared API.md §3). */
export function pageSchema(representation: z.ZodType) {
  return z.strictObject({
    data: z.array(representation),
    pagination: z.strictObject({
      limit: z.int().min(1),
      offset: z.int().min(0).optional().meta({ description: 'Offset pages only.' }),
      total: z
        .int()
        .min(0)
        .optional()
        .meta({ description: 'Offset pages, or include_total=true.' }),
      next_cursor: z.string().nullable().meta({ description: 'null on the last page.' }),
      prev_cursor: z.string().nullable().meta({ description: 'null on the first page.' }),
    }),
  });
}

export function existing(context: ApiContext, resource: ResourceDefinition): Row {
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
  keep: ((id: string) => void) | undefined,
) {
  const { store, clock } = context.env;
  // `===`, not Object.is: -0 and 0 are the same JSON number, so sending -0 changes nothing.
  const unchanged = Object.keys(resource.writeSchema.shape).every(
    (key) => current[key] === fields[key],
  );
  const next: Row = unchanged
    ? current
    : { id: current.id, ...fields, created_at: current.created_at, updated_at: '' };
  // Synchronous from the caller's read of `current` to the write: no other request runs between.
  runWriteGuards(context, current, next);
  if (unchanged) {
    // A new password is not part of the representation: the row, and its ETag, stay the same.
    if (keep) store.transaction(() => keep(current.id));
    note(context, 'Nothing changed: updated_at kept');
    respondJson(context, 200, current);
    return;
  }
  next.updated_at = toRfc3339(clock.now());
  store.transaction(() => {
    insertOrConflict(context, resource, () => store.replace(resource.name, next));
    keep?.(current.id);
  });
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
