import { useEffect, useRef } from 'react';
import { ComparisonPanel } from './comparison-panel.tsx';
import { HeadersPanel } from './headers-panel.tsx';
import { useLabStore } from './lab-store.ts';
import { startLimiterFeed } from './limiter-feed.ts';
import { LivePanel } from './live-panel.tsx';
import { PolicyPanel } from './policy-panel.tsx';
import { ScenariosPanel } from './scenarios-panel.tsx';
import { loadSettings } from './settings-api.ts';
import { TrafficPanel } from './traffic-panel.tsx';
import './rate-limit.css';

/**
 * The rate-limit lab: set a policy, send real traffic through the worker and watch the limiter
 * decide, compare the five algorithms on one trace, and run the lab's scenarios. The controls
 * and the live chart sit side by side; the chart stays in view while the controls scroll.
 */
export default function RateLimitLab() {
  const live = useRef<HTMLElement>(null);
  useEffect(() => {
    void loadSettings();
    return startLimiterFeed();
  }, []);
  // Each run starts and ends with the chart in view, however the lab area was scrolled.
  useEffect(
    () =>
      useLabStore.subscribe((state, before) => {
        if (state.run && (state.run.id !== before.run?.id || state.run.state !== before.run.state))
          live.current?.scrollIntoView({ block: 'nearest' });
      }),
    [],
  );

  return (
    <div className="rl">
      <div className="rl-bench">
        <div className="rl-controls">
          <PolicyPanel />
          <TrafficPanel />
          <HeadersPanel />
        </div>
        <div className="rl-result">
          <LivePanel ref={live} />
        </div>
      </div>
      <ComparisonPanel />
      <ScenariosPanel />
    </div>
  );
}
