import { z } from 'zod';
import { pick } from '../store/random.ts';
import { email, oneOf, text } from './fields.ts';
import type { ResourceDefinition } from './resource-definition.ts';

const FIRST = [
  'Ada',
  'Alan',
  'Grace',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Margaret',
  'Dennis',
  'Radia',
  'Tim',
  'Sophie',
  'Linus',
  'Hedy',
  'John',
  'Karen',
  'Niklaus',
  'Katherine',
  'Guido',
  'Anita',
  'Bjarne',
  'Mary',
  'Vint',
];
const LAST = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Hamilton',
  'Ritchie',
  'Perlman',
  'Berners-Lee',
  'Wilson',
  'Torvalds',
  'Lamarr',
  'McCarthy',
  'Spärck Jones',
  'Wirth',
  'Johnson',
  'van Rossum',
  'Borg',
  'Stroustrup',
  'Keller',
  'Cerf',
];

export const users: ResourceDefinition = {
  name: 'users',
  singular: 'user',
  title: 'User',
  writeSchema: z.strictObject({
    name: text(1, 100),
    email: email(),
    role: oneOf(['member', 'admin']).default('member'),
  }),
  collection: {
    name: 'users',
    idPrefix: 'usr',
    defaultSize: 50,
    uniqueFields: [{ field: 'email', normalize: (value) => String(value).toLowerCase() }],
    seedFields(random, index) {
      const first = pick(random, FIRST);
      const last = pick(random, LAST);
      const local = `${first}.${last}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z.]/g, '');
      return {
        name: `${first} ${last}`,
        // The index keeps seeded emails unique however many rows are asked for.
        email: `${local}.${index + 1}@example.com`,
        role: random() < 0.1 ? 'admin' : 'member',
      };
    },
  },
};
