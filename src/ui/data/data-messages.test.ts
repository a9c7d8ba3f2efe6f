import { describe, expect, it } from 'vitest';
import { activityProgress, activityText, importFailure, importSummary, oversizeMessage } from './data-messages';

describe('data dialog messages', () => {
  it('words progress for each phase, with a percentage or counts where known', () => {
    expect(activityText({ kind: 'reading', fraction: 0.456 })).toBe('Reading file… 45%');
    expect(activityText({ kind: 'importing', phase: 'checking' })).toBe('Checking the file…');
    expect(activityText({ kind: 'importing', phase: 'writing', done: 1200, total: 5000 })).toBe('Writing… 1,200 of 5,000');
    expect(activityText({ kind: 'importing', phase: 'writing' })).toBe('Writing…');
    expect(activityText({ kind: 'working', text: 'Preparing the file…' })).toBe('Preparing the file…');
  });

  it('gives the progress bar a value only when the amount is known', () => {
    expect(activityProgress({ kind: 'reading', fraction: 0.5 })).toEqual({ value: 50, max: 100 });
    expect(activityProgress({ kind: 'importing', phase: 'writing', done: 3, total: 4 })).toEqual({ value: 3, max: 4 });
    expect(activityProgress({ kind: 'importing', phase: 'checking' })).toBeNull();
  });

  it('reports what an import wrote', () => {
    expect(importSummary({ mode: 'replace', sessions: 3, events: 120, undoAvailable: true })).toBe('Imported 3 conversations and 120 events.');
    expect(importSummary({ mode: 'replace', sessions: 1, events: 1, undoAvailable: true })).toBe('Imported 1 conversation and 1 event.');
    expect(importSummary({ mode: 'merge', sessions: 2, events: 40, undoAvailable: true })).toBe(
      'Imported 2 conversations and 40 events that were new; nothing already here was changed.',
    );
    expect(importSummary({ mode: 'merge', sessions: 0, events: 0, undoAvailable: false })).toBe(
      'Imported 0 conversations and 0 events: everything in the file was already here.',
    );
  });

  it('explains refusals and failures, and that nothing changed', () => {
    expect(oversizeMessage({ name: 'big.sqlite3', size: 600_000_000 }, 512 * 1024 * 1024)).toBe(
      'Hearth accepts database files up to 537 MB; “big.sqlite3” is larger (600 MB). Nothing was changed.',
    );
    expect(importFailure('This is not a Hearth database file.')).toBe('This is not a Hearth database file. Nothing was changed.');
    expect(importFailure('Not a database')).toBe('Not a database. Nothing was changed.');
  });
});
