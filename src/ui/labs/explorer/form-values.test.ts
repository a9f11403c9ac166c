import { describe, expect, it } from 'vitest';
import { fullBody, patchBody } from './form-values.ts';
import { RESOURCE_SPECS } from './resources.ts';

const fields = RESOURCE_SPECS.products.fields;
const original = { name: 'Lamp', price_cents: '1299', stock: '7' };

describe('explorer bodies', () => {
  it('PUT sends every field, numbers as numbers', () => {
    expect(fullBody(fields, { ...original, stock: '8' })).toEqual({
      name: 'Lamp',
      price_cents: 1299,
      stock: 8,
    });
  });

  it('a merge patch sends only what changed', () => {
    expect(patchBody(fields, { ...original, stock: '8' }, original)).toEqual({ stock: 8 });
    expect(patchBody(fields, original, original)).toEqual({});
  });

  it('leaves mistakes for the server to name, rather than hiding them', () => {
    expect(fullBody(fields, { name: 'Lamp', price_cents: 'cheap', stock: '' })).toEqual({
      name: 'Lamp',
      price_cents: 'cheap',
    });
    // In a patch, emptying a field means removing it: null, which the server refuses with a 422.
    expect(patchBody(fields, { ...original, stock: '' }, original)).toEqual({ stock: null });
  });
});
