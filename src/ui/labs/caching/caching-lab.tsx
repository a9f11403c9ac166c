import { CachePanel } from './cache-panel.tsx';
import { DirectivesPanel } from './directives-panel.tsx';
import { QuotaPanel } from './quota-panel.tsx';
import { ScenariosPanel } from './scenarios-panel.tsx';
import { TracePanel } from './trace-panel.tsx';
import { TryPanel } from './try-panel.tsx';
import './caching.css';

/**
 * The caching lab: the page's own private cache driven by hand beside its entries over virtual
 * time and the server's evaluation of each conditional request; then every directive on two
 * clients and a CDN, the 304s the limiter does not count, and the lab's scenarios.
 */
export default function CachingLab() {
  return (
    <div className="cl">
      <div className="cl-bench">
        <div className="cl-controls">
          <TryPanel />
          <QuotaPanel />
        </div>
        <div className="cl-result">
          <CachePanel />
          <TracePanel />
        </div>
      </div>
      <DirectivesPanel />
      <ScenariosPanel />
    </div>
  );
}
