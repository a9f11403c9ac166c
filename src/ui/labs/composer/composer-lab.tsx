import { useState } from 'react';
import { HistoryList } from './history-list.tsx';
import { PresetList } from './preset-list.tsx';
import { RequestForm } from './request-form.tsx';
import { ResponseView, type Outcome } from './response-view.tsx';
import './composer.css';

/** Write any request by hand, send it through the service worker, and read the whole answer. */
export default function ComposerLab() {
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [presetNote, setPresetNote] = useState<string | undefined>();

  return (
    <div className="composer">
      <div className="composer-main">
        <RequestForm note={presetNote} onOutcome={setOutcome} />
        {outcome && <ResponseView outcome={outcome} />}
      </div>
      <aside className="composer-aside" aria-label="Presets and history">
        <PresetList onLoaded={setPresetNote} />
        <HistoryList onLoaded={() => setPresetNote(undefined)} />
      </aside>
    </div>
  );
}
