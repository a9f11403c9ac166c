// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../api/create-api.ts';
import {
  buttonByText,
  click,
  fetchInto,
  render,
  waitFor,
  type Rendered,
} from '../shared/test-dom.tsx';
import ProblemPage from './problem-page.tsx';

let view: Rendered | undefined;
const realFetch = globalThis.fetch;

afterEach(async () => {
  await view?.unmount();
  globalThis.fetch = realFetch;
});

describe('problem page', () => {
  it('sends its example and shows the real problem', async () => {
    globalThis.fetch = fetchInto(
      createApi({ clock: { startEpochMs: 1767312000000, paused: true } }),
    );
    view = await render(<ProblemPage slug="method-not-allowed" />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Method not allowed');
    expect(view.container.textContent).toContain('DELETE /api/v1/users HTTP/1.1');

    await click(buttonByText(view.container, 'Send this request'));
    await waitFor(() =>
      expect(view?.container.textContent).toContain('"type": "/problems/method-not-allowed"'),
    );
    expect(view.container.textContent).toContain('405 Method Not Allowed');
  });

  it('says plainly when a slug is unknown, and links to the index', async () => {
    view = await render(<ProblemPage slug="<b>no-such</b>" />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Unknown problem type');
    expect(view.container.querySelector('b')).toBeNull();
    expect(view.container.querySelector('a[href="/problems"]')).not.toBeNull();
  });

  it('shows the requests as they will be sent: no {{placeholder}} left in view', async () => {
    view = await render(<ProblemPage slug="quota-exceeded" />);
    const text = view.container.textContent ?? '';
    expect(text).not.toContain('{{');
    expect(text).toMatch(/X-Client-Id: problem-example-[0-9a-f]{8}/);
    await view.unmount();
    view = await render(<ProblemPage slug="invalid-cursor" />);
    expect(view.container.textContent).toContain('cursor=‹cursor from step 1›');
  });
});
