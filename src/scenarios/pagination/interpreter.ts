import type { ScenarioContext, StepInterpreter } from '../scenario.ts';
import { DriftSession } from './drift-session.ts';
import type { DriftStep } from './steps.ts';

/**
 * Runs drift steps on a session: the lab passes the session it shows, so a scenario plays out
 * on screen; vitest and scripts get a fresh one on the scenario's own transport. After every
 * step the session's counts are recorded as metrics.
 */
export function driftInterpreter(shown?: DriftSession): StepInterpreter<DriftStep> {
  const sessions = new WeakMap<ScenarioContext, DriftSession>();
  const sessionFor = (context: ScenarioContext) => {
    if (shown) return shown;
    let session = sessions.get(context);
    if (!session) {
      session = new DriftSession(context.transport);
      sessions.set(context, session);
    }
    return session;
  };

  return async (step, context) => {
    const session = sessionFor(context);
    switch (step.kind) {
      case 'reset':
        await session.reset({ rows: step.rows, limit: step.limit, seed: step.seed });
        break;
      case 'step':
        await session.step();
        break;
      case 'insert':
        await session.insert(step.count);
        break;
      case 'delete':
        await session.delete(step.target);
        break;
      case 'finish':
        await session.finish();
        break;
    }
    for (const [metric, value] of Object.entries(session.metrics())) context.record(metric, value);
  };
}
