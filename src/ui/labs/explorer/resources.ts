/** What the explorer knows about each collection: its form fields and table columns. */
export type CollectionName = 'users' | 'products';

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'email' | 'integer' | 'select';
  options?: readonly string[];
  /** Shown under the field: the rule the server applies. */
  hint: string;
  /** The value a new row's form starts with. */
  initial: string;
}

export interface ResourceSpec {
  name: CollectionName;
  singular: string;
  fields: readonly FieldSpec[];
}

/** A row as the API returns it: server-made id and timestamps, then the write fields. */
export interface Row {
  id: string;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

export interface RowPage {
  data: Row[];
  pagination: { offset: number; limit: number; total: number };
}

export const RESOURCE_SPECS: Record<CollectionName, ResourceSpec> = {
  users: {
    name: 'users',
    singular: 'user',
    fields: [
      { name: 'name', label: 'Name', kind: 'text', hint: '1–100 characters', initial: '' },
      {
        name: 'email',
        label: 'Email',
        kind: 'email',
        hint: 'unique, compared case-insensitively',
        initial: '',
      },
      {
        name: 'role',
        label: 'Role',
        kind: 'select',
        options: ['member', 'admin'],
        hint: 'member unless set',
        initial: 'member',
      },
    ],
  },
  products: {
    name: 'products',
    singular: 'product',
    fields: [
      { name: 'name', label: 'Name', kind: 'text', hint: '1–100 characters', initial: '' },
      {
        name: 'price_cents',
        label: 'Price (cents)',
        kind: 'integer',
        hint: 'whole number ≥ 0',
        initial: '',
      },
      { name: 'stock', label: 'Stock', kind: 'integer', hint: 'whole number ≥ 0', initial: '' },
    ],
  },
};

export const collectionPath = (collection: CollectionName) => `/api/v1/${collection}`;
export const rowPath = (collection: CollectionName, id: string) =>
  `${collectionPath(collection)}/${encodeURIComponent(id)}`;
