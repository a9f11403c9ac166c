import { createApiReference } from '@scalar/api-reference';
import '@scalar/api-reference/style.css';
import './scalar-theme.css';

/** The mounted renderer, as the page drives it. */
export interface ReferenceView {
  setDark(dark: boolean): void;
  destroy(): void;
}

/**
 * Scalar's API reference for the document, configured for a playground that must answer every
 * request itself (docs/decisions/0010-api-reference-renderer.md):
 * - no proxy: "Test Request" calls `fetch` in the page, so the service worker answers it and it
 *   shows in the request log (Scalar's default would route a public host's requests through
 *   its hosted proxy);
 * - nothing fetched from elsewhere: no web fonts, no telemetry, no AI agent, no MCP link;
 * - the app owns the theme: no toggle of Scalar's own, colours from the app's tokens.
 */
export function mountReference(
  element: HTMLElement,
  openapi: Record<string, unknown>,
  dark: boolean,
): ReferenceView {
  const configuration = (dark: boolean) => ({
    content: openapi,
    proxyUrl: '',
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: 'never' as const,
    hideClientButton: true,
    hideDarkModeToggle: true,
    darkMode: dark,
    forceDarkModeState: dark ? ('dark' as const) : ('light' as const),
    documentDownloadType: 'json' as const,
    persistAuth: false,
  });
  const instance = createApiReference(element, configuration(dark));
  return {
    setDark: (next) => instance.updateConfiguration(configuration(next)),
    destroy: () => {
      instance.destroy();
      // Scalar marks <body> with its mode and leaves it there; its CSS would keep that
      // color-scheme on the rest of the app after the user leaves /reference.
      document.body.classList.remove('light-mode', 'dark-mode');
    },
  };
}
