import { describe, expect, it } from 'vitest';
import { MIME_TYPES, conversationsFileName, databaseFileName } from './export-file-names';

// Local noon, so the local date is the 21st in any zone the tests run in.
const now = new Date(2026, 10, 21, 12, 0).getTime();

describe('export file names', () => {
  it('dates the database file', () => {
    expect(databaseFileName(now)).toBe('hearth-2026-11-21.sqlite3');
    expect(databaseFileName(new Date(2026, 0, 5, 0, 1).getTime())).toBe('hearth-2026-01-05.sqlite3');
  });

  it('names an all-conversations export by format', () => {
    expect(conversationsFileName('json', now)).toBe('hearth-conversations-2026-11-21.json');
    expect(conversationsFileName('markdown', now)).toBe('hearth-conversations-2026-11-21.md');
    expect(conversationsFileName('csv', now)).toBe('hearth-conversations-2026-11-21.csv');
  });

  it('names one conversation after its title, in plain ASCII', () => {
    expect(conversationsFileName('markdown', now, 'Crème brûlée: a recipe!')).toBe('hearth-creme-brulee-a-recipe-2026-11-21.md');
    expect(conversationsFileName('json', now, 'Straße & Æsir — Łódź')).toBe('hearth-strasse-aesir-lodz-2026-11-21.json');
    expect(conversationsFileName('csv', now, '  ✨ 🍞 ✨ ')).toBe('hearth-conversation-2026-11-21.csv');
    expect(conversationsFileName('csv', now, '')).toBe('hearth-conversation-2026-11-21.csv');
    expect(conversationsFileName('json', now, '日本語')).toBe('hearth-conversation-2026-11-21.json');
  });

  it('keeps long titles to about 40 characters, cut between words', () => {
    const name = conversationsFileName('markdown', now, 'Planning the summer holiday in the mountains with the whole family');
    expect(name).toBe('hearth-planning-the-summer-holiday-in-the-2026-11-21.md');
    const word = conversationsFileName('markdown', now, 'x'.repeat(60));
    expect(word).toBe(`hearth-${'x'.repeat(40)}-2026-11-21.md`);
  });

  it('has a MIME type for every format', () => {
    expect(MIME_TYPES).toEqual({
      json: 'application/json',
      markdown: 'text/markdown;charset=utf-8',
      csv: 'text/csv;charset=utf-8',
      database: 'application/vnd.sqlite3',
    });
  });
});
