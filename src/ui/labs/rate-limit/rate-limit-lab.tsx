import { useEffect } from 'react';
import { ComparisonPanel } from './comparison-panel.tsx';
import { HeadersPanel } from './headers-panel.tsx';
import { startLimiterFeed } from './limiter-feed.ts';
import { LivePanel } from './live-panel.tsx';
import { PolicyPanel } from './policy-panel.tsx';
import { ScenariosPanel } from './scenarios-panel.tsx';
import { loadSettings } from './settings-api.ts';
import { TrafficPanel } from './traffic-panel.tsx';
import './rate-limit.css';

/**
 * The rate-limit lab: set a policy, send real traffic through the worker and watch the limiter
 * decide, compare the five algorithms on one trace, and run the lab's scenarios.
 */
export default function RateLimitLab() {
  useEffect(() => {
    void loadSettings();
    return startLimiterFeed();
  }, []);

  return (
    <div className="rl">
      <div className="rl-top">
        <PolicyPanel />
        <TrafficPanel />
      </div>
      <div className="rl-middle">
        <LivePanel />
        <HeadersPanel />
      </div>
      <ComparisonPanel />
      <ScenariosPanel />
    </div>
  );
}
