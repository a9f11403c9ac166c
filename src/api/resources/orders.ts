import { z } from 'zod';
import { toRfc3339 } from '../clock.ts';
import { note, type ApiContext } from '../context.ts';
import type { CursorKey } from '../pagination/cursor.ts';
import { listQuerySchema } from '../pagination/list-query.ts';
import { listRows } from '../pagination/list-route.ts';
import { jsonPointer, ProblemError, type FieldError } from '../problems.ts';
import { JSON_TYPE, MERGE_PATCH_TYPE, respondJson } from '../respond.ts';
import { collectionPath, itemPath } from '../routes/api-base.ts';
import { readRouteBody } from '../routes/read-body.ts';
import { defineRoute, type AnyRoute } from '../routes/route.ts';
import { textParam } from '../query.ts';
import { cite } from '../standards.ts';
import type { Row } from '../store/row.ts';
import type { Store } from '../store/store.ts';
import { existing, ID_PARAMS, notFoundResponse, pageSchema, writeProblems } from './crud-routes.ts';
import {
  READ_ONLY_FIELDS,
  representationSchema,
  type ResourceDefinition,
} from './resource-definition.ts';
import { ownedBy } from '../middleware/auth/ownership.ts';
import { validateWrite } from './validate-write.ts';
import { runWriteGuards } from './write-guard.ts';

const typed = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : 'must be a string';

/** An id of another resource; whether it exists is checked against the store (→ 422). */
const reference = (of: string) =>
  z
    .string({ error: typed })
    .min(1, { error: `must be the id of a ${of}` })
    .max(64, { error: `must be the id of a ${of}` })
    .meta({ description: `The id of an existing ${of}.` });

export const ORDER_STATUSES = ['placed', 'cancelled'] as const;

/**
 * Orders (shared API.md §8): placing one takes the product's stock in the same synchronous
 * transaction as the order is made, so stock never goes below 0 however many orders race, and
 * one order is exactly one stock change. Cancelling (merge patch `{"status": "cancelled"}`)
 * gives the stock back. Orders are never replaced or deleted: PUT and DELETE are 405.
 */
export const orders: ResourceDefinition = {
  name: 'orders',
  singular: 'order',
  title: 'Order',
  writeSchema: z.strictObject({
    user_id: reference('user'),
    product_id: reference('product'),
    quantity: z
      .number({
        error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number'),
      })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be 1 or more' })
      .max(100, { error: 'must be at most 100' }),
  }),
  // A member places, sees and cancels only their own orders (shared API.md §6).
  policies: ownedBy('user_id', ['list', 'create', 'read', 'patch']),
  extraReadOnly: ['status', 'total_cents'],
  extraReadFields: {
    status: z.enum(ORDER_STATUSES).meta({
      readOnly: true,
      description: 'placed, or cancelled (merge patch {"status": "cancelled"}).',
    }),
    total_cents: z
      .int()
      .min(0)
      .meta({ readOnly: true, description: 'price_cents × quantity at the time of the order.' }),
  },
  collection: {
    name: 'orders',
    idPrefix: 'ord',
    defaultSize: 40,
    uniqueFields: [],
    sortFields: [],
    refersTo: ['users', 'products'],
    seedFields(random, index, seeded) {
      const users = Math.max(1, seeded.sizes.users ?? 1);
      const products = Math.max(1, seeded.sizes.products ?? 1);
      const quantity = 1 + Math.floor(random() * 3);
      // A historical price: the product's may have changed since.
      const price = 100 * (1 + Math.floor(random() * 200)) - 1;
      return {
        user_id: seeded.idOf('users', Math.floor(random() * users)),
        product_id: seeded.idOf(
          'products',
          (index * 7 + Math.floor(random() * products)) % products,
        ),
        quantity,
        status: random() < 0.15 ? 'cancelled' : 'placed',
        total_cents: price * quantity,
      };
    },
  },
  routes: (store, cursorKey) => orderRoutes(store, cursorKey),
};

function orderRoutes(store: Store, cursorKey: CursorKey): AnyRoute[] {
  const base = collectionPath('orders');
  const item = `${base}/{id}`;
  const tags = ['Orders'];
  const policiesOf = (operation: 'list' | 'create' | 'read' | 'patch') => ({
    resource: 'orders',
    validators: operation === 'list' ? ('list' as const) : ('item' as const),
    ...orders.policies?.[operation],
  });
  const representation = representationSchema(orders);
  const listQuery = listQuerySchema(['-created_at', 'created_at']);
  const cancelSchema = z.strictObject({ status: z.literal('cancelled') });

  const place = async (context: ApiContext) => {
    const body = await readRouteBody(context);
    const fields = validateWrite(orders, body, body) as {
      user_id: string;
      product_id: string;
      quantity: number;
    };
    const { clock } = context.env;
    // Synchronous from the stock read to both writes: no other request runs in between.
    const order = store.transaction(() => {
      const user = store.collection('users').get(fields.user_id);
      const product = store.collection('products').get(fields.product_id);
      const missing: FieldError[] = [];
      if (!user)
        missing.push({ pointer: '/user_id', detail: `no user has id "${fields.user_id}"` });
      if (!product)
        missing.push({
          pointer: '/product_id',
          detail: `no product has id "${fields.product_id}"`,
        });
      if (!product || missing.length > 0) {
        const where = missing.map((error) => ('pointer' in error ? error.pointer : '')).join(', ');
        throw new ProblemError('validation-failed', `The order refers to nothing: ${where}.`, {
          errors: missing,
          rule: `Unknown ${where} → 422 (RFC 9110 §15.5.21)`,
        });
      }
      const stock = Number(product.stock);
      if (stock < fields.quantity) {
        throw new ProblemError(
          'insufficient-stock',
          `Product ${product.id} has ${stock} in stock; this order asks for ${fields.quantity}. Nothing was taken.`,
          {
            errors: [{ pointer: '/quantity', detail: `must be at most ${stock}, the stock left` }],
            extensions: { available: stock, product_id: product.id },
            rule: `Stock ${stock} < quantity ${fields.quantity} → 409, nothing taken (RFC 9110 §15.5.10)`,
          },
        );
      }
      const now = toRfc3339(clock.now());
      store.replace('products', { ...product, stock: stock - fields.quantity, updated_at: now });
      const fresh: Row = {
        id: store.nextId('orders'),
        ...fields,
        status: 'placed',
        total_cents: Number(product.price_cents) * fields.quantity,
        created_at: now,
        updated_at: now,
      };
      runWriteGuards(context, undefined, fresh);
      store.insert('orders', fresh);
      return { fresh, left: stock - fields.quantity };
    });
    note(
      context,
      `Order ${order.fresh.id} placed: stock of ${fields.product_id} ${order.left + fields.quantity} → ${order.left}, in the same transaction → 201`,
      cite('RFC 9110 §15.3.2'),
    );
    respondJson(context, 201, order.fresh, { Location: itemPath('orders', order.fresh.id) });
  };

  const cancel = async (context: ApiContext) => {
    existing(context, orders); // an unknown id is 404 before any body problem
    const body = await readRouteBody(context);
    checkCancel(body);
    const result = store.transaction(() => {
      const current = existing(context, orders);
      if (current.status === 'cancelled') {
        runWriteGuards(context, current, current);
        return { row: current, changed: false };
      }
      const now = toRfc3339(context.env.clock.now());
      const row: Row = { ...current, status: 'cancelled', updated_at: now };
      runWriteGuards(context, current, row);
      const product = store.collection('products').get(String(current.product_id));
      if (product) {
        const stock = Number(product.stock) + Number(current.quantity);
        store.replace('products', { ...product, stock, updated_at: now });
      }
      store.replace('orders', row);
      return { row, changed: true, returned: product !== undefined };
    });
    if (!result.changed) note(context, 'Already cancelled: unchanged, 200 (the same state again)');
    else
      note(
        context,
        result.returned
          ? `Cancelled: ${String(result.row.quantity)} back to the stock of ${String(result.row.product_id)}`
          : 'Cancelled: its product no longer exists, so no stock is given back',
        cite('RFC 7396'),
      );
    respondJson(context, 200, result.row);
  };

  return [
    defineRoute({
      method: 'GET',
      path: base,
      operationId: 'listOrders',
      summary: 'List orders',
      description:
        'Pages as every list (shared API.md §3); `user_id` keeps only that user’s orders.',
      tags,
      policies: policiesOf('list'),
      request: {
        query: (settings) =>
          listQuery(settings).extend({
            user_id: textParam('Only the orders of this user.').optional(),
          }),
      },
      responses: {
        200: {
          description: 'A page of orders.',
          schema: pageSchema(representation),
          headers: ['Link', 'Server-Timing'],
        },
        400: {
          description: 'A bad query parameter, or a cursor that is not one this API signed.',
          problems: ['invalid-parameter', 'invalid-cursor'],
        },
      },
      handler: (context, { query }) => {
        const { user_id: asked, ...page } = query as { user_id?: string };
        // A member's list holds only their own orders, whatever user_id asks for.
        const own = context.var.ownerOnly?.value;
        const filter =
          own !== undefined
            ? {
                keep: (row: Row) => row.user_id === own && (asked === undefined || asked === own),
                describe: asked === undefined || asked === own ? `user_id = ${own}` : 'none',
              }
            : asked === undefined
              ? undefined
              : { keep: (row: Row) => row.user_id === asked, describe: `user_id = ${asked}` };
        return listRows(context, 'orders', page, cursorKey, filter);
      },
    }),
    defineRoute({
      method: 'POST',
      path: base,
      operationId: 'createOrder',
      summary: 'Place an order',
      description:
        'Takes `quantity` from the product’s stock in the same transaction as the order is made: not enough stock → 409 with `available`. Send an Idempotency-Key to make a retry safe.',
      tags,
      policies: policiesOf('create'),
      request: { body: { contentType: JSON_TYPE, schema: orders.writeSchema } },
      responses: {
        201: { description: 'The new order.', schema: representation, headers: ['Location'] },
        ...writeProblems(JSON_TYPE, false),
        409: {
          description: 'The product has less stock than the quantity; nothing was taken.',
          problems: ['insufficient-stock'],
        },
      },
      handler: place,
    }),
    defineRoute({
      method: 'GET',
      path: item,
      operationId: 'getOrder',
      summary: 'Read one order',
      tags,
      policies: policiesOf('read'),
      request: { params: ID_PARAMS },
      responses: {
        200: { description: 'The order.', schema: representation },
        404: notFoundResponse,
      },
      handler: (context) => respondJson(context, 200, existing(context, orders)),
    }),
    defineRoute({
      method: 'PATCH',
      path: item,
      operationId: 'cancelOrder',
      summary: 'Cancel an order (JSON Merge Patch)',
      description:
        'Only `{"status": "cancelled"}` is accepted; it gives the stock back. Cancelling a cancelled order changes nothing (200).',
      tags,
      policies: policiesOf('patch'),
      request: {
        params: ID_PARAMS,
        body: { contentType: MERGE_PATCH_TYPE, schema: cancelSchema },
      },
      responses: {
        200: { description: 'The order, cancelled.', schema: representation },
        404: notFoundResponse,
        ...writeProblems(MERGE_PATCH_TYPE, false),
      },
      handler: cancel,
    }),
  ];
}

/** A cancel is exactly `{"status": "cancelled"}`; everything else about an order is fixed. */
function checkCancel(body: Record<string, unknown>): void {
  const errors: FieldError[] = [];
  const readOnly = new Set<string>([...READ_ONLY_FIELDS, 'total_cents']);
  const writable = new Set(Object.keys(orders.writeSchema.shape));
  for (const key of Object.keys(body)) {
    const pointer = jsonPointer([key]);
    if (key === 'status') {
      if (body.status !== 'cancelled')
        errors.push({ pointer, detail: 'can only become "cancelled"' });
    } else if (readOnly.has(key)) {
      errors.push({ pointer, detail: 'is read-only: the server sets it' });
    } else if (writable.has(key)) {
      errors.push({ pointer, detail: 'cannot change: cancel the order and place a new one' });
    } else {
      errors.push({ pointer, detail: 'is not a field of orders' });
    }
  }
  if (!Object.hasOwn(body, 'status'))
    errors.push({ pointer: '/status', detail: 'is required: send {"status": "cancelled"}' });
  if (errors.length === 0) return;
  const where = [...new Set(errors.map((error) => ('pointer' in error ? error.pointer : '')))];
  throw new ProblemError('validation-failed', `This is not a cancel: ${where.join(', ')}.`, {
    errors,
    rule: `An order only accepts {"status": "cancelled"} → 422 (RFC 9110 §15.5.21)`,
  });
}
