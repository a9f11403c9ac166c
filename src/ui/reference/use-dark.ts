import { useSyncExternalStore } from 'react';
import { useUiStore } from '../stores/ui-store.ts';

const DARK = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the app is dark right now: the user's choice, or the system's when they chose none. */
export function useDark(): boolean {
  const theme = useUiStore((state) => state.theme);
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(DARK).matches);
  return theme === 'system' ? systemDark : theme === 'dark';
}
