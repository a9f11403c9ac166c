import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPES, jsonPointer, problemBody, problemTypeUri } from './problems.ts';

describe('jsonPointer (RFC 6901)', () => {
  it.each([
    [[], ''],
    [['email'], '/email'],
    [['limits', 'max_body_bytes'], '/limits/max_body_bytes'],
    [['a/b'], '/a~1b'],
    [['m~n'], '/m~0n'],
    [['~1'], '/~01'],
    [['/~'], '/~1~0'],
    [[''], '/'],
    [['items', 0, 'id'], '/items/0/id'],
  ])('%j → %j', (path, pointer) => {
    expect(jsonPointer(path)).toBe(pointer);
  });
});

describe('the problem catalog (RFC 9457)', () => {
  it('every entry is keyed by its slug, has an error status, a title and a linked standard', () => {
    for (const [key, type] of Object.entries(PROBLEM_TYPES)) {
      expect(type.slug).toBe(key);
      expect(key).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(type.status).toBeGreaterThanOrEqual(400);
      expect(type.status).toBeLessThan(600);
      expect(type.title.length).toBeGreaterThan(0);
      expect(type.meaning.length).toBeGreaterThan(0);
      expect(type.standard.href).toMatch(/^https:\/\//);
    }
  });

  it('covers every status API.md §1 names', () => {
    const statuses = new Set(Object.values(PROBLEM_TYPES).map((type) => type.status));
    for (const status of [400, 404, 405, 409, 413, 415, 422, 500])
      expect(statuses).toContain(status);
  });
});

describe('problemBody', () => {
  it('has the five standard members, and errors only when there are some', () => {
    expect(problemBody('not-found', 'No such user.', '/api/v1/users/x')).toEqual({
      type: problemTypeUri('not-found'),
      title: 'Not found',
      status: 404,
      detail: 'No such user.',
      instance: '/api/v1/users/x',
    });
    expect(problemBody('validation-failed', 'd', '/i', [])).not.toHaveProperty('errors');
    expect(
      problemBody('validation-failed', 'd', '/i', [{ pointer: '/name', detail: 'is required' }])
        .errors,
    ).toEqual([{ pointer: '/name', detail: 'is required' }]);
  });

  it('extensions never overwrite a standard member', () => {
    const body = problemBody('duplicate-value', 'd', '/i', undefined, {
      status: 200,
      type: 'about:blank',
      conflicting_id: 'usr_1',
    });
    expect(body.status).toBe(409);
    expect(body.type).toBe('/problems/duplicate-value');
    expect(body.conflicting_id).toBe('usr_1');
  });
});
