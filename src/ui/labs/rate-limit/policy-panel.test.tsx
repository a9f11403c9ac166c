// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../api/create-api.ts';
import {
  buttonByText,
  click,
  fetchInto,
  render,
  typeInto,
  waitFor,
  type Rendered,
} from '../../shared/test-dom.tsx';
import { useLabStore } from './lab-store.ts';
import { PolicyPanel } from './policy-panel.tsx';
import { applyDraft, loadSettings } from './settings-api.ts';

let api: Api;
let view: Rendered;
const realFetch = globalThis.fetch;

beforeEach(async () => {
  api = createApi({ clock: { startEpochMs: 1767312000000, paused: true } });
  globalThis.fetch = fetchInto(api);
  useLabStore.setState({ settings: undefined, draft: undefined, policyErrors: {} });
  await loadSettings();
  view = await render(<PolicyPanel />);
});

afterEach(async () => {
  await view.unmount();
  globalThis.fetch = realFetch;
});

const input = (label: string) =>
  [...view.container.querySelectorAll('label')]
    .find((element) => element.textContent?.startsWith(label))
    ?.querySelector('input') ?? null;

describe('the policy form', () => {
  it('applies a policy through PATCH /__admin/settings', async () => {
    await typeInto(input('Quota'), '5');
    await typeInto(input('per window'), '60');
    await click(buttonByText(view.container, 'Apply'));
    await waitFor(() =>
      expect(api.env.settings.current.rate_limit).toMatchObject({ quota: 5, window_ms: 60_000 }),
    );
    expect(input('Quota')?.value).toBe('5');
  });

  it('shows the 422 next to the field it names, and changes nothing', async () => {
    await typeInto(input('per window'), '1.5');
    await click(buttonByText(view.container, 'Apply'));
    await waitFor(() => expect(input('per window')?.getAttribute('aria-invalid')).toBe('true'));
    expect(view.container.querySelector('.field-error')?.textContent).toMatch(/multiple of 1000/);
    expect(api.env.settings.current.rate_limit.window_ms).toBe(10_000);
  });

  it('Defaults puts the whole section back', async () => {
    await typeInto(input('Quota'), '7');
    await click(buttonByText(view.container, 'Apply'));
    await waitFor(() => expect(api.env.settings.current.rate_limit.quota).toBe(7));
    await click(buttonByText(view.container, 'Defaults'));
    await waitFor(() => expect(input('Quota')?.value).toBe('100'));
    expect(api.env.settings.current.rate_limit.quota).toBe(100);
  });

  it('shows a choice that is not applied yet, and sending traffic applies it first', async () => {
    const select = view.container.querySelector('select');
    if (!(select instanceof HTMLSelectElement)) throw new Error('no algorithm select');
    await act(async () => {
      select.value = 'fixed_window';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const pending = view.container.querySelector('[data-testid="policy-pending"]');
    expect(pending?.textContent).toMatch(/Not applied yet.*Fixed window.*still has Token bucket/);
    expect(api.env.settings.current.rate_limit.algorithm).toBe('token_bucket');
    await act(async () => {
      expect(await applyDraft()).toBe(true);
    });
    expect(api.env.settings.current.rate_limit.algorithm).toBe('fixed_window');
    expect(view.container.querySelector('[data-testid="policy-pending"]')).toBeNull();
  });

  it('a pending change the API refuses stops the traffic and names the field', async () => {
    await typeInto(input('per window'), '1.5');
    await act(async () => {
      expect(await applyDraft()).toBe(false);
    });
    expect(input('per window')?.getAttribute('aria-invalid')).toBe('true');
    expect(view.container.querySelector('[data-testid="policy-pending"]')).not.toBeNull();
  });
});
