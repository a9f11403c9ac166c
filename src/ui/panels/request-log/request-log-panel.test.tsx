// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';
import { NO_FILTERS, useLogStore } from '../../stores/log-store.ts';
import { useUiStore } from '../../stores/ui-store.ts';
import RequestLogPanel from './request-log-panel.tsx';
import { makeEntry } from './test-entries.ts';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
  var pwned: boolean | undefined;
}

// happy-dom does no layout: give every element a size, or the virtualizer renders no rows.
const sized = ['clientHeight', 'clientWidth', 'offsetHeight', 'offsetWidth'] as const;
const originals = sized.map((name) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  for (const name of sized) {
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get: () => (name.endsWith('Height') ? 280 : 800),
    });
  }
});

afterAll(() => {
  sized.forEach((name, index) => {
    const original = originals[index];
    if (original) Object.defineProperty(HTMLElement.prototype, name, original);
  });
});

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  const store = useLogStore.getState();
  store.setPaused(false);
  store.clear();
  store.setFilters(NO_FILTERS);
  store.select(undefined);
  store.setDetailTab('headers');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const render = () => act(() => root.render(<RequestLogPanel />));
const append = (entries: JournalEntry[]) => act(() => useLogStore.getState().append(entries));
const rows = () => [...container.querySelectorAll<HTMLElement>('[role="option"]')];
const button = (name: string) => {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const click = (element: Element) => act(() => (element as HTMLElement).click());
const count = () => container.querySelector('[data-testid="log-count"]')?.textContent;
const tab = (name: string) => {
  const found = [...container.querySelectorAll('[role="tab"]')].find((t) => t.textContent === name);
  if (!found) throw new Error(`no tab "${name}"`);
  return found as HTMLElement;
};
const panelText = () => container.querySelector('[role="tabpanel"]')?.textContent ?? '';
/** The text of every detail tab, one after the other. */
function allTabs(): { pre: string[]; th: string[]; tr: string[]; text: string } {
  const out = { pre: [] as string[], th: [] as string[], tr: [] as string[], text: '' };
  for (const name of ['Headers', 'Request', 'Response', 'Why', 'Timing']) {
    click(tab(name));
    const panel = container.querySelector('[role="tabpanel"]') as HTMLElement;
    out.pre.push(...[...panel.querySelectorAll('pre')].map((pre) => pre.textContent ?? ''));
    out.th.push(...[...panel.querySelectorAll('th')].map((th) => th.textContent ?? ''));
    out.tr.push(...[...panel.querySelectorAll('tr')].map((tr) => tr.textContent ?? ''));
    out.text += panel.textContent ?? '';
  }
  return out;
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function key(element: Element, name: string) {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
}

/** Six requests: GET 200, POST 201, POST 422, DELETE 404, GET 500, PATCH 200 (newest last). */
function mixedEntries(): JournalEntry[] {
  const problem = (status: number, slug: string) => ({
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ type: `/problems/${slug}`, title: slug, status }),
  });
  return [
    makeEntry({ method: 'GET', url: '/api/v1/users?limit=2' }),
    makeEntry({
      method: 'POST',
      url: '/api/v1/users',
      request: {
        headers: { 'content-type': 'application/json' },
        body: '{"name":"Ada","email":"a@x.io"}',
      },
      response: {
        status: 201,
        headers: { 'content-type': 'application/json', location: '/api/v1/users/usr_1' },
        body: '{"id":"usr_1","name":"Ada"}',
      },
      notes: [
        {
          rule: 'Created usr_1 → 201 with Location',
          standard: {
            cite: 'RFC 9110 §15.3.2',
            href: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.2',
          },
        },
      ],
    }),
    makeEntry({
      method: 'POST',
      url: '/api/v1/users',
      response: problem(422, 'validation-failed'),
    }),
    makeEntry({
      method: 'DELETE',
      url: '/api/v1/products/p_9',
      response: problem(404, 'not-found'),
    }),
    makeEntry({ method: 'GET', url: '/api/v1/products', response: problem(500, 'internal-error') }),
    makeEntry({ method: 'PATCH', url: '/api/v1/products/p_1' }),
  ];
}

describe('the request log panel', () => {
  it('lists requests newest first, with time, method, path, status text, duration and badges', () => {
    append(mixedEntries());
    render();
    const list = rows();
    expect(list).toHaveLength(6);
    expect(list[0]?.textContent).toContain('PATCH');
    const created = list.find((row) => row.textContent?.includes('201'));
    expect(created?.textContent).toContain('201 Created');
    expect(created?.textContent).toMatch(/\d\d:\d\d:\d\d\.123/);
    expect(created?.textContent).toContain('0.4 ms');
    expect(created?.textContent).toContain('Location');
    expect(list.some((row) => row.textContent?.includes('validation-failed'))).toBe(true);
    expect(count()).toBe('6 of 6 shown');
  });

  it('filters by method, status class and text', () => {
    append(mixedEntries());
    render();

    click(button('POST'));
    expect(rows().map((row) => row.querySelector('.log-method')?.textContent)).toEqual([
      'POST',
      'POST',
    ]);
    expect(button('POST').getAttribute('aria-pressed')).toBe('true');

    click(button('4xx'));
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain('422 Unprocessable Content');
    expect(count()).toBe('1 of 6 shown');

    click(button('POST'));
    click(button('4xx'));
    expect(rows()).toHaveLength(6);

    type(container.querySelector('input[type="search"]') as HTMLInputElement, 'products');
    expect(rows()).toHaveLength(3);
    expect(rows().every((row) => row.textContent?.includes('/api/v1/products'))).toBe(true);

    click(button('5xx'));
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain('500 Internal Server Error');
  });

  it('filters on what a row shows: status text and badges, the problem slug included', () => {
    append([
      ...mixedEntries(),
      makeEntry({
        url: '/api/v1/products',
        response: {
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '3' },
          body: JSON.stringify({ type: '/problems/quota-exceeded', status: 429 }),
        },
      }),
    ]);
    render();
    const search = container.querySelector('input[type="search"]') as HTMLInputElement;
    type(search, 'quota-exceeded');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain('429 Too Many Requests');
    type(search, 'Retry-After 3');
    expect(rows()).toHaveLength(1);
    type(search, 'unprocessable');
    expect(rows().map((row) => row.textContent)).toEqual([
      expect.stringContaining('422 Unprocessable Content'),
    ]);
    type(search, 'Location');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain('201 Created');
    type(search, 'delete');
    expect(rows()).toHaveLength(1);
  });

  it('shows the details in tabs, moved by arrow keys, and keeps the tab for the next request', () => {
    append(mixedEntries());
    render();
    click(rows()[0] as HTMLElement);
    const tablist = container.querySelector('[role="tablist"]') as HTMLElement;
    expect([...tablist.querySelectorAll('[role="tab"]')].map((t) => t.textContent)).toEqual([
      'Headers',
      'Request',
      'Response',
      'Why',
      'Timing',
    ]);
    key(tablist, 'ArrowLeft');
    expect(tab('Timing').getAttribute('aria-selected')).toBe('true');
    expect(tab('Timing').tabIndex).toBe(0);
    expect(tab('Headers').tabIndex).toBe(-1);
    key(tablist, 'Home');
    key(tablist, 'ArrowRight');
    key(tablist, 'ArrowRight');
    expect(tab('Response').getAttribute('aria-selected')).toBe('true');
    const panel = container.querySelector('[role="tabpanel"]') as HTMLElement;
    expect(panel.getAttribute('aria-labelledby')).toBe(tab('Response').id);

    click(rows()[1] as HTMLElement);
    expect(tab('Response').getAttribute('aria-selected')).toBe('true');
  });

  it('shows the selected request: request line, headers, pretty bodies and linked notes', () => {
    append(mixedEntries());
    render();
    expect(container.querySelector('[data-testid="log-detail"]')).toBeNull();

    const created = rows().find((row) => row.textContent?.includes('201 Created'));
    click(created as HTMLElement);
    expect(created?.getAttribute('aria-selected')).toBe('true');

    const detail = container.querySelector('[data-testid="log-detail"]') as HTMLElement;
    expect(detail.querySelector('h2')?.textContent).toBe('POST /api/v1/users');
    // Headers first, as in DevTools: the response's, then the request's.
    expect(tab('Headers').getAttribute('aria-selected')).toBe('true');
    const headerNames = [...detail.querySelectorAll('th')].map((th) => th.textContent);
    expect(headerNames).toEqual(['content-type', 'location', 'content-type']);
    click(tab('Request'));
    expect(panelText()).toBe('{\n  "name": "Ada",\n  "email": "a@x.io"\n}');
    click(tab('Response'));
    expect(panelText()).toBe('{\n  "id": "usr_1",\n  "name": "Ada"\n}');
    click(tab('Timing'));
    expect(panelText()).toContain('0.4 ms');
    expect(panelText()).toContain('virtual');
    click(tab('Why'));
    const note = detail.querySelector('.log-notes li');
    expect(note?.textContent).toContain('Created usr_1 → 201 with Location');
    const link = note?.querySelector('a');
    expect(link?.textContent).toBe('RFC 9110 §15.3.2');
    expect(link?.getAttribute('href')).toBe(
      'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.2',
    );
    expect(detail.textContent).toContain('Copy as curl');
    expect(detail.textContent).toContain('Copy as fetch');

    click(detail.querySelector('button[aria-label="Close the request details"]') as HTMLElement);
    expect(container.querySelector('[data-testid="log-detail"]')).toBeNull();
  });

  it('is operable from the keyboard: arrows move, Enter selects, Escape closes', () => {
    append(mixedEntries());
    render();
    const listbox = container.querySelector('[role="listbox"]') as HTMLElement;
    const activeRow = () =>
      document.getElementById(listbox.getAttribute('aria-activedescendant') ?? '');
    // Focus lands on the first row (the newest), as the listbox pattern asks.
    act(() => listbox.focus());
    expect(activeRow()?.textContent).toContain('PATCH');
    key(listbox, 'ArrowDown');
    key(listbox, 'ArrowDown');
    key(listbox, 'ArrowUp');
    expect(activeRow()?.textContent).toContain('500 Internal Server Error');
    expect(activeRow()?.className).toContain('active');
    key(listbox, 'Enter');
    expect(container.querySelector('[data-testid="log-detail"] h2')?.textContent).toBe(
      'GET /api/v1/products',
    );
    key(listbox, 'Escape');
    expect(container.querySelector('[data-testid="log-detail"]')).toBeNull();
  });

  it('renders <script> and <img onerror> payloads in URLs, headers, bodies and notes as text', () => {
    const payload = `<script>globalThis.pwned = true</script><img src=x onerror="globalThis.pwned = true">`;
    append([
      makeEntry({
        method: 'POST',
        url: `/api/v1/users?q=${payload}`,
        request: { headers: { 'x-evil': payload, 'content-type': 'text/html' }, body: payload },
        response: { status: 400, headers: { 'content-type': 'text/html' }, body: payload },
        notes: [
          { rule: payload, standard: { cite: payload, href: 'javascript:globalThis.pwned=true' } },
        ],
      }),
    ]);
    render();
    click(rows()[0] as HTMLElement);

    expect(container.querySelector('script, img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(rows()[0]?.textContent).toContain(payload);
    const detail = container.querySelector('[data-testid="log-detail"]') as HTMLElement;
    expect(detail.querySelector('h2')?.textContent).toBe(`POST /api/v1/users?q=${payload}`);
    const shown = allTabs();
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(shown.pre).toEqual([payload, payload]);
    expect(shown.tr).toContain(`x-evil${payload}`);
    expect(shown.text).toContain(payload);
    expect(globalThis.pwned).toBeUndefined();
  });

  it('keeps under 100 rows in the DOM with 100,000 entries, also after scrolling deep', () => {
    act(() => useUiStore.getState().setLogCapacity(100_000));
    act(() => useLogStore.getState().resize(100_000));
    const base = makeEntry();
    append(Array.from({ length: 100_000 }, (_, i) => ({ ...base, id: `r${i}`, seq: i + 1 })));
    render();
    expect(count()).toBe('100,000 of 100,000 shown');
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(100);

    const listbox = container.querySelector('[role="listbox"]') as HTMLElement;
    act(() => {
      listbox.scrollTop = 50_000 * 28;
      listbox.dispatchEvent(new Event('scroll'));
    });
    const positions = rows().map((row) => Number(row.getAttribute('aria-posinset')));
    expect(rows().length).toBeLessThan(100);
    expect(Math.min(...positions)).toBeGreaterThan(49_000);
    expect(rows()[0]?.getAttribute('aria-setsize')).toBe('100000');
  });

  it('pauses (holding new requests, with a count), resumes, clears, and sets the cap', () => {
    render();
    expect(container.textContent).toContain('No requests yet');
    click(button('Pause the log'));
    append(mixedEntries());
    expect(rows()).toHaveLength(0);
    click(button('Resume the log (6 held)'));
    expect(rows()).toHaveLength(6);

    click(button('Clear the log'));
    expect(rows()).toHaveLength(0);
    expect(count()).toBe('0 of 0 shown');

    const select = container.querySelector('select') as HTMLSelectElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
    act(() => {
      setter?.call(select, '1000');
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(useUiStore.getState().logCapacity).toBe(1000);
    expect(useLogStore.getState().data.all.capacity).toBe(1000);
  });
});
