import type { Scenario } from '../scenario.ts';
import type { DriftStep } from './steps.ts';

const LAB = 'pagination';

/**
 * The pagination lab's three scenarios, as data. Each runs from the lab's Run button (through
 * the service worker), in vitest (against the core) and in Playwright (through the UI). The
 * expected counts follow from the steps alone, whatever the seed data.
 */
export const offsetDriftsUnderInserts: Scenario<DriftStep> = {
  id: 'offset-drifts-under-inserts',
  lab: LAB,
  title: 'Offset drifts under inserts',
  summary:
    'Three rows are inserted at the head between pages. Each one pushes the list down by one, so the offset walker reads a row it already returned: three duplicates. The keyset walker continues after its last row and is not disturbed.',
  steps: [
    { kind: 'reset', rows: 20, limit: 5, seed: 1 },
    { kind: 'step' },
    { kind: 'insert', count: 2 },
    { kind: 'step' },
    { kind: 'insert', count: 1 },
    { kind: 'step' },
    { kind: 'finish' },
  ],
  expected: [
    {
      metric: 'offset.duplicates',
      op: 'eq',
      value: 3,
      claim: 'offset returns one row twice per insert ahead of it',
    },
    {
      metric: 'offset.skipped',
      op: 'eq',
      value: 0,
      claim: 'inserts alone make offset repeat rows, not skip them',
    },
    { metric: 'keyset.duplicates', op: 'eq', value: 0, claim: 'keyset never returns a row twice' },
    {
      metric: 'keyset.exact',
      op: 'eq',
      value: true,
      claim: 'keyset returns every row that existed throughout, once',
    },
  ],
};

export const keysetStaysExact: Scenario<DriftStep> = {
  id: 'keyset-stays-exact',
  lab: LAB,
  title: 'Keyset stays exact under inserts and deletes',
  summary:
    'Rows are inserted at the head and deleted: one already seen, one not yet seen, and the very row the cursors point at. The offset walker both repeats and skips rows; the keyset walker returns every row that existed throughout exactly once, even though its boundary row is gone.',
  steps: [
    { kind: 'reset', rows: 24, limit: 5, seed: 2 },
    { kind: 'step' },
    { kind: 'insert', count: 2 },
    { kind: 'delete', target: 'seen' },
    { kind: 'step' },
    { kind: 'delete', target: 'unseen' },
    { kind: 'delete', target: 'boundary' },
    { kind: 'step' },
    { kind: 'delete', target: 'seen' },
    { kind: 'delete', target: 'seen' },
    { kind: 'step' },
    { kind: 'finish' },
  ],
  expected: [
    { metric: 'keyset.duplicates', op: 'eq', value: 0, claim: 'keyset never returns a row twice' },
    {
      metric: 'keyset.skipped',
      op: 'eq',
      value: 0,
      claim: 'keyset skips no row that existed throughout',
    },
    {
      metric: 'keyset.exact',
      op: 'eq',
      value: true,
      claim: 'a cursor whose boundary row was deleted still works',
    },
    {
      metric: 'offset.duplicates',
      op: 'gt',
      value: 0,
      claim: 'offset repeats rows after inserts ahead of it',
    },
    {
      metric: 'offset.skipped',
      op: 'gt',
      value: 0,
      claim: 'offset skips rows after deletions behind it',
    },
  ],
};

export const naiveCursorBreaks: Scenario<DriftStep> = {
  id: 'naive-cursor-breaks',
  lab: LAB,
  title: 'The naive cursor breaks on delete',
  summary:
    'After two pages, the row the cursors point at is deleted. The naive cursor looks for that id in the list, finds nothing (indexOf is −1) and starts over from the top, returning all nine rows it had already returned. The keyset cursor only needs the deleted row’s sort values and carries on exactly.',
  steps: [
    { kind: 'reset', rows: 20, limit: 5, seed: 3 },
    { kind: 'step' },
    { kind: 'step' },
    { kind: 'delete', target: 'boundary' },
    { kind: 'step' },
    { kind: 'finish' },
  ],
  expected: [
    {
      metric: 'naive.restarts',
      op: 'eq',
      value: 1,
      claim: 'the naive cursor starts over when its row is gone',
    },
    {
      metric: 'naive.duplicates',
      op: 'eq',
      value: 9,
      claim: 'so it returns every row it had already returned again',
    },
    {
      metric: 'keyset.exact',
      op: 'eq',
      value: true,
      claim: 'the keyset cursor survives the deletion of its boundary row',
    },
    {
      metric: 'offset.skipped',
      op: 'eq',
      value: 1,
      claim: 'offset skips the row that moved into the gap',
    },
  ],
};

export const PAGINATION_SCENARIOS: readonly Scenario<DriftStep>[] = [
  offsetDriftsUnderInserts,
  keysetStaysExact,
  naiveCursorBreaks,
];
