import { describe, expect, it } from 'vitest';
import { makeApi } from '../../../api/test-support.ts';
import { harValidator } from './har-validator.ts';
import { journalEntryOf, makeEntry } from './test-entries.ts';
import { harFileName, toHar } from './to-har.ts';

describe('toHar', () => {
  const validate = harValidator();

  it('writes HAR 1.2 that the HAR schema accepts, from real journal entries', async () => {
    const api = makeApi();
    const entries = [
      await journalEntryOf(api, new Request('http://x/api/v1/users?limit=2&offset=1')),
      await journalEntryOf(
        api,
        new Request('http://x/api/v1/users', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'Zoë', email: 'zoe@example.com' }),
        }),
      ),
      await journalEntryOf(api, new Request('http://x/api/v1/users/nope', { method: 'DELETE' })),
      await journalEntryOf(api, new Request('http://x/api/v1/users', { method: 'HEAD' })),
      await journalEntryOf(api, new Request('http://x/api/v1/users', { method: 'OPTIONS' })),
    ];

    const har = toHar(entries, 'http://localhost:5173');

    const valid = validate(har);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('restlab');
    expect(har.log.entries).toHaveLength(5);

    const [list, created, missing] = har.log.entries;
    expect(list?.request.url).toBe('http://localhost:5173/api/v1/users?limit=2&offset=1');
    expect(list?.request.queryString).toEqual([
      { name: 'limit', value: '2' },
      { name: 'offset', value: '1' },
    ]);
    expect(list?.startedDateTime).toBe(entries[0]?.started_at);
    expect(created?.request.postData).toEqual({
      mimeType: 'application/json',
      text: '{"name":"Zoë","email":"zoe@example.com"}',
    });
    // Bytes, not characters: "ë" is two bytes in UTF-8.
    expect(created?.request.bodySize).toBe(41);
    expect(created?.response.status).toBe(201);
    expect(created?.response.statusText).toBe('Created');
    expect(created?.response.redirectURL).toBe('');
    expect(missing?.response.content.mimeType).toBe('application/problem+json');
    expect(missing?.comment).toBeTruthy();
    expect(missing?.timings.wait).toBe(missing?.time);
  });

  it('writes a redirect target as an absolute redirectURL', () => {
    const entry = makeEntry({
      response: { status: 302, headers: { location: '/api/v1/users/2' }, body: null },
    });
    const har = toHar([entry], 'http://localhost:5173');
    expect(validate(har)).toBe(true);
    expect(har.log.entries[0]?.response.redirectURL).toBe('http://localhost:5173/api/v1/users/2');
    expect(har.log.entries[0]?.response.content).toEqual({ size: 0, mimeType: '' });
  });

  it('can mask bearer tokens and the tokens a sign-in answers, and masks nothing else', () => {
    const entry = makeEntry({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      request: {
        headers: { authorization: 'Bearer eyJ.abc.def', 'content-type': 'application/json' },
        body: '{"refresh_token":"rt_secret"}',
      },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"access_token":"eyJ.x.y","token_type":"Bearer","refresh_token":"rt_next"}',
      },
    });
    const masked = JSON.stringify(toHar([entry], 'http://h', { redactTokens: true }));
    for (const token of ['eyJ.abc.def', 'rt_secret', 'eyJ.x.y', 'rt_next'])
      expect(masked).not.toContain(token);
    expect(masked).toContain('"token_type\\":\\"Bearer');
    const kept = JSON.stringify(toHar([entry], 'http://h'));
    expect(kept).toContain('eyJ.abc.def');
    expect(validate(toHar([entry], 'http://h', { redactTokens: true }))).toBe(true);
  });

  it('is a real check: the schema refuses a relative URL or a missing part', () => {
    const har = toHar([makeEntry()], 'http://h');
    const entry = har.log.entries[0];
    if (!entry) throw new Error('no entry');
    expect(
      validate({
        log: { ...har.log, entries: [{ ...entry, request: { ...entry.request, url: '/x' } }] },
      }),
    ).toBe(false);
    const withoutTimings: Partial<typeof entry> = { ...entry };
    delete withoutTimings.timings;
    expect(validate({ log: { ...har.log, entries: [withoutTimings] } })).toBe(false);
  });

  it('keeps a path that starts with // on the given origin', () => {
    const har = toHar([makeEntry({ url: '//evil.example/x?a=1' })], 'http://localhost:5173');
    expect(har.log.entries[0]?.request.url).toBe('http://localhost:5173//evil.example/x?a=1');
  });

  it('accepts an empty log and names files after the newest entry', () => {
    expect(validate(toHar([], 'http://h'))).toBe(true);
    expect(harFileName([makeEntry({ started_at: '2026-01-02T03:04:05.678Z' })])).toBe(
      'restlab-2026-01-02T03-04-05.har',
    );
  });
});
