import type { FlowStep, StepResult } from './flows.ts';

/** The last step run: its request, what came back, and every parameter with what it defends. */
export function StepDetail({
  step,
  result,
}: {
  step: FlowStep | undefined;
  result: StepResult | undefined;
}) {
  if (!step || !result)
    return (
      <p className="oa-note" data-testid="step-detail">
        Press <b>Step</b> to send the first arrow, or <b>Play</b> to run them all. Each arrow is a
        real request: watch it arrive in the request log.
      </p>
    );
  return (
    <div className="oa-detail" data-testid="step-detail">
      <p className={result.ok ? 'oa-outcome oa-outcome-ok' : 'oa-outcome oa-outcome-bad'}>
        <code>{result.line}</code>
      </p>
      <p className="oa-note">{result.summary}</p>
      <table className="oa-params">
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Value</th>
            <th scope="col">Defends against</th>
          </tr>
        </thead>
        <tbody>
          {result.params.map((param) => (
            <tr key={param.name}>
              <th scope="row">
                <code>{param.name}</code>
              </th>
              <td>
                <code>{param.value}</code>
              </td>
              <td>{param.defends}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
