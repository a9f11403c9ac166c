import { API_BASE } from '../../../api/routes/api-base.ts';
import { useState } from 'react';
import { send } from '../../shared/http.ts';
import { useComposerStore } from './composer-store.ts';
import { PRESETS, USER_PLACEHOLDER, type Preset } from './presets.ts';

/**
 * Presets that each teach one rule. A `{user}` in the path becomes the newest user's id, read
 * with a real GET (so it shows in the log too): ids depend on the seed and on what was deleted.
 */
export function PresetList({ onLoaded }: { onLoaded(note: string): void }) {
  const setDraft = useComposerStore((state) => state.setDraft);
  const [loading, setLoading] = useState<string | undefined>();

  async function load(preset: Preset) {
    let path = preset.path;
    let note = preset.expect;
    if (path.includes(USER_PLACEHOLDER)) {
      setLoading(preset.id);
      const id = await newestUserId();
      setLoading(undefined);
      if (id) path = path.replace(USER_PLACEHOLDER, encodeURIComponent(id));
      else note = `There are no users to point at: replace ${USER_PLACEHOLDER} with an id. ${note}`;
    }
    setDraft({ method: preset.method, path, headers: preset.headers, body: preset.body });
    onLoaded(note);
  }

  return (
    <section className="composer-presets" aria-labelledby="composer-presets-title">
      <h2 id="composer-presets-title">Presets</h2>
      <ul>
        {PRESETS.map((preset) => (
          <li key={preset.id}>
            <button
              type="button"
              onClick={() => void load(preset)}
              disabled={loading !== undefined}
              title={preset.expect}
            >
              <code>{preset.method}</code> {preset.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

async function newestUserId(): Promise<string | undefined> {
  const result = await send<{ data?: { id?: unknown }[] }>(`${API_BASE}/users?limit=1`).catch(
    () => undefined,
  );
  const body = result?.body;
  const id = typeof body === 'object' && body !== null ? body.data?.[0]?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}
