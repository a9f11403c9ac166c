// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../api/create-api.ts';
import {
  buttonByText,
  click,
  fetchInto,
  render,
  typeInto,
  waitFor,
  type Rendered,
} from '../../shared/test-dom.tsx';
import ComposerLab from './composer-lab.tsx';
import { INITIAL_DRAFT, useComposerStore } from './composer-store.ts';

let view: Rendered;
const realFetch = globalThis.fetch;
const fetchSpy = vi.fn<typeof fetch>();

beforeEach(async () => {
  const api = createApi({ clock: { startEpochMs: 1767312000000, paused: true } });
  const into = fetchInto(api);
  fetchSpy.mockReset().mockImplementation((input, init) => into(input, init));
  globalThis.fetch = fetchSpy;
  useComposerStore.setState({ draft: INITIAL_DRAFT, history: [] });
  view = await render(<ComposerLab />);
});

afterEach(async () => {
  await view.unmount();
  globalThis.fetch = realFetch;
});

const headers = () => view.container.querySelector<HTMLTextAreaElement>('#composer-headers');

describe('composer headers', () => {
  it('shows a malformed line inline, sends nothing, and sends once it is fixed', async () => {
    await typeInto(headers(), 'Accept: application/json\nX-Request-Id lesson-7');

    expect(headers()?.getAttribute('aria-invalid')).toBe('true');
    const errors = view.container.querySelector('#composer-headers-errors');
    expect(headers()?.getAttribute('aria-describedby')).toContain('composer-headers-errors');
    expect(errors?.textContent).toContain('Line 2');
    expect(errors?.textContent).toContain('has no colon');

    await click(buttonByText(view.container, 'Send'));
    expect(fetchSpy).not.toHaveBeenCalled();

    await typeInto(headers(), 'Accept: application/json\nX-Request-Id: lesson-7');
    expect(headers()?.hasAttribute('aria-invalid')).toBe(false);
    await click(buttonByText(view.container, 'Send'));

    await waitFor(() => expect(view.container.textContent).toContain('200 OK'));
    expect(view.container.textContent).toContain('lesson-7');
    expect(useComposerStore.getState().history[0]).toMatchObject({ status: 200, method: 'GET' });
  });

  it('renders a response body that looks like HTML as text', async () => {
    await typeInto(
      view.container.querySelector('#composer-path'),
      '/api/v1/<script>alert(1)</script>',
    );
    await click(buttonByText(view.container, 'Send'));
    await waitFor(() => expect(view.container.textContent).toContain('404'));
    expect(view.container.querySelector('script')).toBeNull();
  });
});
