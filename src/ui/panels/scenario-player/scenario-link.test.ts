import { describe, expect, it } from 'vitest';
import { readScenarioLink, scenarioSearch } from './scenario-link.ts';

describe('scenario links', () => {
  const known = ['window-edge', 'burst'];
  it('reads a scenario and a 1-based step; unknown scenarios are ignored', () => {
    expect(readScenarioLink('?scenario=window-edge&step=3', known)).toEqual({
      scenario: 'window-edge',
      cursor: 2,
    });
    expect(readScenarioLink('?scenario=burst', known)).toEqual({ scenario: 'burst', cursor: -1 });
    expect(readScenarioLink('?scenario=burst&step=x', known)?.cursor).toBe(-1);
    expect(readScenarioLink('?scenario=nope&step=1', known)).toBeUndefined();
    expect(readScenarioLink('', known)).toBeUndefined();
  });

  it('writes them back, keeping other parameters', () => {
    expect(scenarioSearch('?theme=dark', { scenario: 'burst', cursor: 0 })).toBe(
      '?theme=dark&scenario=burst&step=1',
    );
    expect(scenarioSearch('?scenario=burst&step=2', undefined)).toBe('');
  });
});
