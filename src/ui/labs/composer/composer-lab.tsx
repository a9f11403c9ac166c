import { useState } from 'react';
import { useReveal } from '../../shared/use-reveal.ts';
import { HistoryList } from './history-list.tsx';
import { PresetList } from './preset-list.tsx';
import { RequestForm } from './request-form.tsx';
import { ResponseView, type Outcome } from './response-view.tsx';
import './composer.css';

/**
 * Write any request by hand, send it through the service worker, and read the whole answer.
 * A workbench (decision 0008): the form, presets and history on the left, the answer on the
 * right, where it stays in view while the left column scrolls.
 */
export default function ComposerLab() {
  const [outcome, setOutcome] = useState<(Outcome & { sent: number }) | undefined>();
  const [presetNote, setPresetNote] = useState<string | undefined>();
  const result = useReveal<HTMLDivElement>(outcome?.sent);

  return (
    <div className="composer workbench">
      <div className="workbench-controls">
        <RequestForm
          note={presetNote}
          onOutcome={(next) => setOutcome((last) => ({ ...next, sent: (last?.sent ?? 0) + 1 }))}
        />
        <div className="composer-aside" aria-label="Presets and history" role="complementary">
          <PresetList onLoaded={setPresetNote} />
          <HistoryList onLoaded={() => setPresetNote(undefined)} />
        </div>
      </div>
      <div className="workbench-result" data-testid="composer-result">
        {outcome ? (
          <ResponseView outcome={outcome} headRef={result} />
        ) : (
          <p className="workbench-empty">Send a request: the whole answer appears here.</p>
        )}
      </div>
    </div>
  );
}
