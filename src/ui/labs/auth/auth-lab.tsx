import { useState } from 'react';
import { ChallengePanel } from './challenge-panel.tsx';
import { GalleryPanel } from './gallery-panel.tsx';
import { InspectorPanel } from './inspector-panel.tsx';
import { KeysPanel } from './keys-panel.tsx';
import { RefreshPanel } from './refresh-panel.tsx';
import { ScenariosPanel } from './scenarios-panel.tsx';
import { WeakSecretPanel } from './weak-secret-panel.tsx';
import './auth.css';

const TABS = [
  { id: 'gallery', title: 'Attack gallery', Panel: GalleryPanel },
  { id: 'challenge', title: '401 vs 403', Panel: ChallengePanel },
  { id: 'inspector', title: 'Token inspector', Panel: InspectorPanel },
  { id: 'refresh', title: 'Refresh', Panel: RefreshPanel },
  { id: 'keys', title: 'Keys', Panel: KeysPanel },
  { id: 'weak', title: 'Weak secret', Panel: WeakSecretPanel },
  { id: 'scenarios', title: 'Scenarios', Panel: ScenariosPanel },
] as const;

/**
 * The auth lab: one experiment at a time, each sending real requests (see the log). Settings an
 * experiment changes (the verifier, enforce, alg) come back when it ends.
 */
export default function AuthLab() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('gallery');
  const current = TABS.find((candidate) => candidate.id === tab) ?? TABS[0];
  return (
    <div className="auth-lab">
      <div role="tablist" aria-label="Auth experiments" className="auth-tabs">
        {TABS.map((candidate) => (
          <button
            key={candidate.id}
            type="button"
            role="tab"
            id={`auth-tab-${candidate.id}`}
            aria-selected={candidate.id === tab}
            aria-controls="auth-tabpanel"
            onClick={() => setTab(candidate.id)}
          >
            {candidate.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="auth-tabpanel" aria-labelledby={`auth-tab-${current.id}`}>
        <current.Panel />
      </div>
    </div>
  );
}
