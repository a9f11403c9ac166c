import { FaultsControl } from '../../panels/faults/faults-control.tsx';
import { KeysPanel } from './keys-panel.tsx';
import { MethodsPanel } from './methods-panel.tsx';
import { RetriesPanel } from './retries-panel.tsx';
import { ScenariosPanel } from './scenarios-panel.tsx';
import './idempotency.css';

/**
 * The idempotency lab: the double charge (a lost answer retried without and with a key), the
 * double click, each key's state machine, the method table observed, retries with backoff, and
 * the faults control. The scenarios and the keys sit side by side; the rest follows.
 */
export default function IdempotencyLab() {
  return (
    <div className="idem">
      <div className="idem-bench">
        <div className="idem-main">
          <ScenariosPanel />
        </div>
        <div className="idem-side">
          <KeysPanel />
        </div>
      </div>
      <div className="idem-row">
        <MethodsPanel />
        <RetriesPanel />
      </div>
      <FaultsControl />
    </div>
  );
}
