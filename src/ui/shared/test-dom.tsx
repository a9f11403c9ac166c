/**
 * Tiny helpers for component tests (happy-dom, react-dom/client and act): render, type, click,
 * and wait until an assertion holds. Enough for our few tests without a testing library.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Api } from '../../api/create-api.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  unmount(): Promise<void>;
}

/** Renders inside a fresh QueryClient (no retries), as the app's providers would. */
export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () =>
    root.render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>),
  );
  return {
    container,
    async unmount() {
      await act(async () => root.unmount());
      container.remove();
      client.clear();
    },
  };
}

/** Sets a field's value the way typing does, so React's onChange sees it. */
export async function typeInto(element: Element | null, value: string): Promise<void> {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement))
    throw new Error('not a text field');
  const prototype = Object.getPrototypeOf(element) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  await act(async () => {
    setter?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(async () => element.click());
}

/** Retries an assertion until it passes (or the time runs out), letting React and fetches settle. */
export async function waitFor<T>(assertion: () => T, timeoutMs = 3000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return assertion();
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    }
  }
}

export function buttonByText(container: HTMLElement, text: string): HTMLButtonElement {
  const button = [...container.querySelectorAll('button')].find(
    (candidate) => candidate.textContent?.trim() === text,
  );
  if (!button) throw new Error(`no button "${text}"`);
  return button;
}

/** Routes the page's fetch (relative URLs included) straight into a core instance. */
export function fetchInto(api: Api): typeof fetch {
  return (input, init) => {
    // The page's private cache sends Request objects; everything else sends a path.
    if (input instanceof Request) return api.fetch(new Request(input, init));
    return api.fetch(new Request(new URL(String(input), 'http://localhost'), init));
  };
}
