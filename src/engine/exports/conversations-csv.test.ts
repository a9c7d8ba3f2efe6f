import { describe, expect, it } from 'vitest';
import type { Event, StoreSnapshot } from '../../store/types';
import { toCsv } from './conversations-csv';
import { sampleSnapshot } from './sample-snapshot';

function withMessages(texts: string[]): StoreSnapshot {
  const event = (text: string, i: number): Event => ({
    id: `m${i}`,
    invocationId: 'i',
    author: 'user',
    timestamp: Date.UTC(2026, 0, 1, 0, i),
    content: { role: 'user', parts: [{ text }] },
    actions: { stateDelta: {} },
  });
  return {
    sessions: [{ appName: 'hearth', userId: 'me', id: 's', state: { title: 'Prices, "quotes"' }, createTime: 0, updateTime: 0 }],
    events: texts.map((text, i) => ({ appName: 'hearth', userId: 'me', sessionId: 's', event: event(text, i) })),
    appStates: [],
    userStates: [],
  };
}

describe('CSV export', () => {
  it('writes one row per message, with a BOM and CRLF line ends', () => {
    expect(toCsv(sampleSnapshot())).toBe(
      '\uFEFFconversation_id,conversation_title,message_id,time,author,role,text\r\n' +
        's-new,Groceries,e1,2026-11-21T09:00:00.000Z,user,user,"Remind me to buy milk, eggs & ""good"" bread 🍞"\r\n' +
        's-new,Groceries,e4,2026-11-21T09:02:00.000Z,hearth_agent,model,"Done — **milk** is on your list.\n\n- milk"\r\n' +
        's-old,New chat,f1,2026-11-20T08:00:00.000Z,user,user,"\'=HYPERLINK(""http://evil"",""click"")"\r\n',
    );
  });

  it('quotes commas, quotes and line breaks, and keeps accents', () => {
    const rows = toCsv(withMessages(['a, b', 'say "hi"', 'one\r\ntwo', 'crème brûlée, ñandú', 'plain'])).split('\r\n');
    expect(rows[1]).toBe('s,"Prices, ""quotes""",m0,2026-01-01T00:00:00.000Z,user,user,"a, b"');
    expect(rows[2]).toMatch(/,"say ""hi"""$/);
    expect(rows[3]).toMatch(/,"one$/);
    expect(rows[4]).toBe('two"');
    expect(rows[5]).toMatch(/,"crème brûlée, ñandú"$/);
    expect(rows[6]).toMatch(/,plain$/);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const rows = toCsv(withMessages(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', 'a=1'])).split('\r\n').map((row) => row.split(',user,user,')[1]);
    expect(rows.slice(1, 8)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", `"'\r=1"`, 'a=1']);
  });

  it('leaves out tool-only events and state-only events', () => {
    const ids = toCsv(sampleSnapshot()).split('\r\n').slice(1, -1).map((row) => row.split(',')[2]);
    expect(ids).toEqual(['e1', 'e4', 'f1']);
  });

  it('writes just the header for an empty store', () => {
    expect(toCsv({ sessions: [], events: [], appStates: [], userStates: [] })).toBe('\uFEFFconversation_id,conversation_title,message_id,time,author,role,text\r\n');
  });
});
