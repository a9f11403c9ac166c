import { describe, expect, it } from 'vitest';
import {
  badgesFor,
  formatDuration,
  formatTime,
  prettyBody,
  problemSlug,
  safeHref,
  statusLabel,
} from '../../shared/journal-format.ts';
import { isBrowserManaged } from './replay-headers.ts';
import { makeEntry } from './test-entries.ts';

describe('row formatting', () => {
  it('shows virtual time as HH:MM:SS.mmm, durations in ms, and status as text', () => {
    expect(formatTime('2026-01-02T03:04:05.678Z')).toBe('03:04:05.678');
    expect(formatTime('2026-01-02T03:04:05Z')).toBe('03:04:05.000');
    expect(formatDuration(0.4217)).toBe('0.4 ms');
    expect(formatDuration(123.6)).toBe('124 ms');
    expect(formatDuration(0.01)).toBe('<0.1 ms');
    expect(statusLabel(201)).toBe('201 Created');
    expect(statusLabel(299)).toBe('299');
  });

  it('badges problems by slug, Location on 201, a HEAD without body, Allow and Retry-After', () => {
    const problem = makeEntry({
      response: {
        status: 404,
        headers: { 'Content-Type': 'application/problem+json' },
        body: '{"type":"/problems/not-found","status":404}',
      },
    });
    expect(problemSlug(problem)).toBe('not-found');
    expect(badgesFor(problem).map((b) => b.text)).toEqual(['not-found']);

    const created = makeEntry({
      method: 'POST',
      response: { status: 201, headers: { location: '/api/v1/users/u1' }, body: '{}' },
    });
    expect(badgesFor(created)).toEqual([{ text: 'Location', title: 'Location: /api/v1/users/u1' }]);

    const options = makeEntry({
      method: 'OPTIONS',
      response: { status: 204, headers: { allow: 'GET, HEAD' }, body: null },
    });
    expect(badgesFor(options).map((b) => b.text)).toEqual(['Allow: GET, HEAD']);
    expect(badgesFor(makeEntry({ method: 'HEAD' })).map((b) => b.text)).toEqual(['no body']);

    const limited = makeEntry({
      response: { status: 429, headers: { 'retry-after': '3' }, body: null },
    });
    expect(badgesFor(limited).map((b) => b.text)).toEqual(['Retry-After 3']);
  });

  it('finds no problem slug in about:blank, non-JSON or non-problem bodies', () => {
    const withBody = (contentType: string, body: string) =>
      makeEntry({ response: { status: 400, headers: { 'content-type': contentType }, body } });
    expect(
      problemSlug(withBody('application/problem+json', '{"type":"about:blank"}')),
    ).toBeUndefined();
    expect(problemSlug(withBody('application/problem+json', 'oops'))).toBeUndefined();
    expect(problemSlug(withBody('application/json', '{"type":"/problems/x"}'))).toBeUndefined();
  });
});

describe('detail formatting', () => {
  it('pretty-prints JSON and leaves other bodies alone', () => {
    expect(prettyBody('{"a":[1,2]}', 'application/json')).toBe(
      '{\n  "a": [\n    1,\n    2\n  ]\n}',
    );
    expect(prettyBody('{broken', 'application/json')).toBe('{broken');
    expect(prettyBody('<b>hi</b>', 'text/html')).toBe('<b>hi</b>');
  });

  it('links only to web addresses', () => {
    expect(safeHref('https://www.rfc-editor.org/rfc/rfc9110')).toBe(
      'https://www.rfc-editor.org/rfc/rfc9110',
    );
    expect(safeHref('/problems/not-found')).toBe('/problems/not-found');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
  });

  it('treats browser-managed headers as such, whatever their case', () => {
    expect(isBrowserManaged('User-Agent')).toBe(true);
    expect(isBrowserManaged('Sec-Fetch-Site')).toBe(true);
    expect(isBrowserManaged('Cookie')).toBe(true);
    expect(isBrowserManaged('Authorization')).toBe(false);
    expect(isBrowserManaged('If-None-Match')).toBe(false);
    expect(isBrowserManaged('Idempotency-Key')).toBe(false);
  });
});
