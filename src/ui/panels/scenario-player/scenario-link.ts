/**
 * Links that open a lesson: `?scenario=<id>&step=<n>` on a lab's path opens that scenario at
 * step n (1 is the first step; 0 is before it), so a teacher can hand the class one URL.
 */
export interface ScenarioLink {
  scenario: string;
  /** The cursor: -1 before the first step. */
  cursor: number;
}

export function readScenarioLink(
  search: string,
  known: readonly string[],
): ScenarioLink | undefined {
  const params = new URLSearchParams(search);
  const scenario = params.get('scenario');
  if (scenario === null || !known.includes(scenario)) return undefined;
  const step = Number(params.get('step') ?? '0');
  return { scenario, cursor: Number.isInteger(step) && step > 0 ? step - 1 : -1 };
}

/** The search part for a scenario at a cursor, keeping any other parameters. */
export function scenarioSearch(search: string, link: ScenarioLink | undefined): string {
  const params = new URLSearchParams(search);
  params.delete('scenario');
  params.delete('step');
  if (link) {
    params.set('scenario', link.scenario);
    params.set('step', String(link.cursor + 1));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Puts the scenario and step in the address bar without a new history entry. */
export function showLinkInAddressBar(link: ScenarioLink | undefined): void {
  const search = scenarioSearch(location.search, link);
  if (search === location.search) return;
  history.replaceState(history.state, '', location.pathname + search + location.hash);
}

export function shareUrl(link: ScenarioLink): string {
  return location.origin + location.pathname + scenarioSearch(location.search, link);
}
