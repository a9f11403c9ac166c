import { z } from 'zod';
import { ownedBy } from '../middleware/auth/ownership.ts';
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

function roleOf(index: number, draw: number): 'admin' | 'member' {
  if (index === 0) return 'admin';
  if (index === 1) return 'member';
  return draw < 0.1 ? 'admin' : 'member';
}

export const users: ResourceDefinition = {
  name: 'users',
  singular: 'user',
  title: 'User',
  writeSchema: z.strictObject({
    name: text(1, 100),
    email: email(),
    role: oneOf(['member', 'admin']).default('member'),
  }),
  // shared API.md §6: write-only, hashed (PBKDF2) by the auth mechanism, never answered.
  writeOnly: z.strictObject({
    password: z
      .string({ error: 'must be a string' })
      .min(8, { error: 'must be 8 to 128 characters long' })
      .max(128, { error: 'must be 8 to 128 characters long' })
      .optional()
      .meta({
        writeOnly: true,
        description:
          'Write-only: stored as a PBKDF2-SHA-256 hash, never in any response. Seeded users have `restlab-demo`.',
      }),
  }),
  // shared API.md §6: a member changes only their own record, and only an admin sets a role.
  policies: {
    create: { auth: { adminFields: { role: 'member' } } },
    ...ownedBy('id', ['replace', 'patch'], { adminFields: { role: 'member' } }),
  },
  collection: {
    name: 'users',
    idPrefix: 'usr',
    defaultSize: 50,
    uniqueFields: [
      {
        field: 'email',
        normalize: (value) => String(value).toLowerCase(),
        describe: 'compared case-insensitively',
      },
    ],
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
        // The first seeded user is always an admin and the second a member (shared API.md §6:
        // seeds contain both), whatever the seed; the draw is made anyway, so the rest stay put.
        role: roleOf(index, random()),
      };
    },
  },
};
