import { useUiStore, type Theme } from '../stores/ui-store.ts';

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const ICON: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

/** Theme (cycles system → light → dark) and presenter mode for projectors. */
export function DisplayControls() {
  const theme = useUiStore((state) => state.theme);
  const setTheme = useUiStore((state) => state.setTheme);
  const presenter = useUiStore((state) => state.presenter);
  const setPresenter = useUiStore((state) => state.setPresenter);

  return (
    <div className="display-controls">
      {/* The visible word is part of the name (WCAG 2.5.3); the icon says the current theme. */}
      <button
        type="button"
        className="presenter-hide"
        aria-label={`Theme: ${theme}. Switch to ${NEXT[theme]}`}
        title={`Theme: ${theme} (click for ${NEXT[theme]})`}
        onClick={() => setTheme(NEXT[theme])}
      >
        <span aria-hidden="true">{ICON[theme]}</span>
        <span className="theme-word"> Theme</span>
      </button>
      <button
        type="button"
        className="toggle"
        aria-pressed={presenter}
        title={presenter ? 'Leave presenter mode' : 'Larger type and high contrast, for projectors'}
        onClick={() => setPresenter(!presenter)}
      >
        Presenter
      </button>
    </div>
  );
}
