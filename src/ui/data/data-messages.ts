import type { ImportPhase, ImportReport } from '../../protocol/protocol';
import { formatBytes } from '../storage/format-bytes';

/** What the "Your data" dialog is busy with, for its status line and progress bar. */
export type Activity =
  | { kind: 'reading'; fraction: number }
  | { kind: 'importing'; phase: ImportPhase; done?: number | undefined; total?: number | undefined }
  | { kind: 'working'; text: string };

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function activityText(activity: Activity): string {
  switch (activity.kind) {
    case 'reading':
      return `Reading file… ${Math.floor(activity.fraction * 100)}%`;
    case 'importing':
      switch (activity.phase) {
        case 'checking':
          return 'Checking the file…';
        case 'saving-backup':
          return 'Keeping a copy of your current data for Undo…';
        case 'writing':
          return activity.done !== undefined && activity.total ? `Writing… ${activity.done.toLocaleString('en')} of ${activity.total.toLocaleString('en')}` : 'Writing…';
        case 'done':
          return 'Finishing…';
        default: {
          const unreachable: never = activity.phase;
          return unreachable;
        }
      }
    case 'working':
      return activity.text;
    default: {
      const unreachable: never = activity;
      return unreachable;
    }
  }
}

/** The progress bar's value and maximum, or null for an indeterminate bar. */
export function activityProgress(activity: Activity): { value: number; max: number } | null {
  if (activity.kind === 'reading') return { value: Math.floor(activity.fraction * 100), max: 100 };
  if (activity.kind === 'importing' && activity.done !== undefined && activity.total) return { value: Math.min(activity.done, activity.total), max: activity.total };
  return null;
}

/** "Imported 3 conversations and 120 events." — and for a merge, that nothing already here changed. */
export function importSummary(report: ImportReport): string {
  const what = `${count(report.sessions, 'conversation')} and ${count(report.events, 'event')}`;
  if (report.mode === 'merge') {
    if (report.sessions === 0 && report.events === 0) return `Imported ${what}: everything in the file was already here.`;
    return `Imported ${what} that were new; nothing already here was changed.`;
  }
  return `Imported ${what}.`;
}

export function oversizeMessage(file: { name: string; size: number }, limit: number): string {
  return `Hearth accepts database files up to ${formatBytes(limit)}; “${file.name}” is larger (${formatBytes(file.size)}). Nothing was changed.`;
}

/** The engine's reason, and the reassurance that the import is all or nothing. */
export function importFailure(message: string): string {
  return `${message.replace(/\s*$/, '')}${/[.!?]$/.test(message.trim()) ? '' : '.'} Nothing was changed.`;
}
