import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../create-api.ts';

/**
 * The generated OpenAPI document passes `redocly lint` with the recommended rules (redocly.yaml).
 * The CLI runs as a child process: @redocly/cli 2.x ships its core bundled inside, and the
 * separately published @redocly/openapi-core lags behind it (2.64 against the CLI's 2.77), so
 * only the CLI lints exactly as `npx redocly lint` does for a person at the terminal.
 * @see https://redocly.com/docs/cli/rules/recommended
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}

let folder = '';
let problems: LintProblem[] = [];

/** The document exactly as a client gets it, asked on the origin the dev server uses. */
async function generatedDocument(): Promise<string> {
  const response = await createApi().fetch(new Request('http://127.0.0.1/api/openapi.json'));
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'restlab-openapi-'));
  const file = join(folder, 'openapi.json');
  await writeFile(file, await generatedDocument());
  const args = [CLI, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  // The CLI exits 1 when it finds errors; its JSON report is on stdout either way.
  const stdout = await promisify(execFile)(process.execPath, args, { env, cwd: folder }).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  problems = (JSON.parse(stdout) as { problems: LintProblem[] }).problems;
}, 20_000);

afterAll(() => rm(folder, { recursive: true, force: true }));

const listed = (severity: LintProblem['severity']) =>
  problems
    .filter((problem) => problem.severity === severity)
    .map((p) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);

describe('the OpenAPI document under redocly lint (recommended)', () => {
  it('has no errors', () => {
    expect(listed('error')).toEqual([]);
  });

  it('has no warnings: an accepted one is switched off in redocly.yaml with its reason', () => {
    expect(listed('warn')).toEqual([]);
  });
});
