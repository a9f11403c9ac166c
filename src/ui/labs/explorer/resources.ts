import { z } from 'zod';
import { collectionPath as apiCollectionPath, itemPath } from '../../../api/routes/api-base.ts';
import { orders } from '../../../api/resources/orders.ts';
import { products } from '../../../api/resources/products.ts';
import type { ResourceDefinition } from '../../../api/resources/resource-definition.ts';
import { users } from '../../../api/resources/users.ts';
import type { Row } from '../../../api/store/row.ts';

export type { Row };

/** What the explorer knows about each collection: its form fields and table columns. */
export type CollectionName = 'users' | 'products' | 'orders';

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'email' | 'integer' | 'select';
  options?: readonly string[];
  /** Shown under the field: the rule the server applies, read from its schema. */
  hint: string;
  /** The value a new row's form starts with: the schema's default, or empty. */
  initial: string;
}

export interface ResourceSpec {
  name: CollectionName;
  singular: string;
  fields: readonly FieldSpec[];
  /** Columns the server sets, shown after the fields (an order's status and total). */
  readColumns?: readonly string[];
  /**
   * Rows are never replaced or deleted, only cancelled (orders: PUT and DELETE are 405, a merge
   * patch {"status": "cancelled"} gives the stock back).
   */
  cancelOnly?: boolean;
}

export interface RowPage {
  data: Row[];
  pagination: { offset: number; limit: number; total: number };
}

/** The labels are the UI's own words; every rule comes from the resource's zod schema. */
const LABELS: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  role: 'Role',
  price_cents: 'Price (cents)',
  stock: 'Stock',
  user_id: 'User id',
  product_id: 'Product id',
  quantity: 'Quantity',
};

interface JsonSchemaField {
  type?: string;
  format?: string;
  enum?: string[];
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/**
 * A form field from the schema the API validates with (z.toJSONSchema of the write schema, the
 * same conversion the OpenAPI document makes): its kind, its options and default, its limits,
 * and a hint that says them, so the form cannot promise other rules than the server keeps.
 */
export function fieldFromSchema(
  resource: ResourceDefinition,
  name: string,
  field: JsonSchemaField,
): FieldSpec {
  const label = LABELS[name] ?? name;
  const unique = resource.collection.uniqueFields?.find((spec) => spec.field === name);
  const uniqueHint = unique ? `unique${unique.describe ? `, ${unique.describe}` : ''}` : undefined;
  if (field.enum) {
    const initial = typeof field.default === 'string' ? field.default : '';
    const hint = initial ? `${initial} unless set` : `one of ${field.enum.join(', ')}`;
    return { name, label, kind: 'select', options: field.enum, hint, initial };
  }
  if (field.type === 'integer' || field.type === 'number') {
    const range =
      field.maximum !== undefined && field.maximum < Number.MAX_SAFE_INTEGER
        ? `${field.minimum ?? 0}–${field.maximum}`
        : `≥ ${field.minimum ?? 0}`;
    return { name, label, kind: 'integer', hint: `whole number ${range}`, initial: '' };
  }
  const kind = field.format === 'email' ? 'email' : 'text';
  const length =
    field.minLength !== undefined && field.maxLength !== undefined
      ? `${field.minLength}–${field.maxLength} characters`
      : field.maxLength !== undefined
        ? `at most ${field.maxLength} characters`
        : undefined;
  const hint = [kind === 'email' ? 'an email address' : length, uniqueHint]
    .filter(Boolean)
    .join(', ');
  return { name, label, kind, hint, initial: '' };
}

function specOf(resource: ResourceDefinition & { name: CollectionName }): ResourceSpec {
  const schema = z.toJSONSchema(resource.writeSchema, { io: 'input' }) as {
    properties: Record<string, JsonSchemaField>;
  };
  return {
    name: resource.name,
    singular: resource.singular,
    fields: Object.entries(schema.properties).map(([name, field]) =>
      fieldFromSchema(resource, name, field),
    ),
  };
}

export const RESOURCE_SPECS: Record<CollectionName, ResourceSpec> = {
  users: specOf({ ...users, name: 'users' }),
  products: specOf({ ...products, name: 'products' }),
  orders: {
    ...specOf({ ...orders, name: 'orders' }),
    readColumns: ['status', 'total_cents'],
    cancelOnly: true,
  },
};

export const collectionPath = (collection: CollectionName) => apiCollectionPath(collection);
export const rowPath = (collection: CollectionName, id: string) => itemPath(collection, id);
