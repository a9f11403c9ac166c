// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../api/create-api.ts';
import { connectEngine } from '../../bridge/connect-engine.ts';
import { useEngineStore } from '../../stores/engine-store.ts';
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
let disconnect: () => void;
const realFetch = globalThis.fetch;
const fetchSpy = vi.fn<typeof fetch>();

beforeEach(async () => {
  const api = createApi({ clock: { startEpochMs: 1767312000000, paused: true } });
  const into = fetchInto(api);
  // The bridge, as in the page: the log store gets the journal, the engine store the clock.
  disconnect = connectEngine(api.events);
  useEngineStore.setState({ clock: api.env.clock.state(), clockReceivedAt: performance.now() });
  fetchSpy.mockReset().mockImplementation((input, init) => into(input, init));
  globalThis.fetch = fetchSpy;
  useComposerStore.setState({ draft: INITIAL_DRAFT, history: [] });
  view = await render(<ComposerLab />);
});

afterEach(async () => {
  await view.unmount();
  disconnect();
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

  it('names both durations: the round trip through the page and the API handling the log shows', async () => {
    await click(buttonByText(view.container, 'Send'));
    const timing = await waitFor(() => {
      const text = view.container.querySelector('[data-testid="composer-timing"]')?.textContent;
      expect(text).toMatch(/API handling (<)?\d/);
      return text ?? '';
    });
    expect(timing).toMatch(/round trip \d+\.\d ms \(page ↔ worker\)/);
    expect(timing).toContain('(as in the log)');
  });

  it('shows history times on the virtual clock, like the log', async () => {
    await click(buttonByText(view.container, 'Send'));
    await waitFor(() => expect(useComposerStore.getState().history).toHaveLength(1));
    // The test's clock is paused at 2026-01-02T00:00:00Z; the wall clock is elsewhere.
    expect(useComposerStore.getState().history[0]?.sentAt).toBe(1767312000000);
    expect(view.container.querySelector('.composer-history-time')?.textContent).toBe(
      '00:00:00 (virtual)',
    );
  });
});
