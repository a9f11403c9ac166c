import { z } from 'zod';
import { pick } from '../store/random.ts';
import { text, wholeNumber } from './fields.ts';
import type { ResourceDefinition } from './resource-definition.ts';

const ADJECTIVES = [
  'Compact',
  'Sturdy',
  'Quiet',
  'Bright',
  'Foldable',
  'Classic',
  'Wireless',
  'Recycled',
  'Heavy-duty',
  'Pocket',
];
const NOUNS = [
  'Kettle',
  'Desk Lamp',
  'Notebook',
  'Backpack',
  'Keyboard',
  'Mug',
  'Headphones',
  'Chair',
  'Water Bottle',
  'Umbrella',
  'Stapler',
  'Bicycle Bell',
];

export const products: ResourceDefinition = {
  name: 'products',
  singular: 'product',
  title: 'Product',
  writeSchema: z.strictObject({
    name: text(1, 100),
    price_cents: wholeNumber(0),
    stock: wholeNumber(0),
  }),
  // shared API.md §6: only an admin writes products (and, as everywhere, deletes).
  policies: {
    create: { auth: { scope: 'admin' } },
    replace: { auth: { scope: 'admin' } },
    patch: { auth: { scope: 'admin' } },
  },
  collection: {
    name: 'products',
    idPrefix: 'prd',
    defaultSize: 30,
    uniqueFields: [],
    seedFields(random) {
      return {
        name: `${pick(random, ADJECTIVES)} ${pick(random, NOUNS)}`,
        price_cents: 100 * (1 + Math.floor(random() * 200)) - (random() < 0.5 ? 1 : 0),
        stock: Math.floor(random() * 250),
      };
    },
  },
};
