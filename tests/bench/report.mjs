// Turns a bench report into targets (ratios against floors measured in the same run) and
// a markdown table.

/** ADK's TypeScript DatabaseSessionService on this machine kind (issue 2): Hearth aims 20x lower. */
const ADK_MS = { append: 20, lastFifty: 38, list: 42 };

/** @typedef {import('../harness/bench-types').BenchReport} BenchReport */
/** @typedef {import('../harness/bench-types').Stat} Stat */
/** @typedef {{ backend: string, target: string, value: string, met: boolean }} Target */

/** @param {number | undefined} value */
const ms = (value) => (value === undefined || Number.isNaN(value) ? '–' : `${value.toFixed(3)} ms`);
/** @param {number} a @param {number} b */
const ratio = (a, b) => a / b;
/** @param {Record<string, Stat>} stats @param {number | undefined} size @returns {Stat} */
const at = (stats, size) => stats[String(size)] ?? { p50: NaN, p99: NaN, n: 0 };

/**
 * @param {BenchReport} report
 * @returns {Target[]}
 */
export function evaluateTargets(report) {
  const targets = [];
  for (const r of report.results) {
    const sizes = Object.keys(r.append).map(Number).sort((a, b) => a - b);
    const smallest = at(r.append, sizes[0]);
    const largest = at(r.append, sizes[sizes.length - 1]);
    for (const size of sizes) {
      const value = ratio(at(r.append, size).p50, at(r.floorWrite, size).p50);
      targets.push({ backend: r.backend, target: `append p50 at ${size} ≤ 1.5× floor write`, value: `${value.toFixed(2)}×`, met: value <= 1.5 });
    }
    const growth = ratio(largest.p50, smallest.p50);
    targets.push({
      backend: r.backend,
      target: `append p50 at ${sizes[sizes.length - 1]} ≤ 1.2× p50 at ${sizes[0]}`,
      value: `${growth.toFixed(2)}×`,
      met: growth <= 1.2,
    });
    const read = ratio(r.lastFifty.p50, r.floorLastFifty.p50);
    targets.push({ backend: r.backend, target: 'last-50 read ≤ 2× raw LIMIT 50', value: `${read.toFixed(2)}×`, met: read <= 2 });
    /** @type {[string, number, number][]} */
    const faster = [
      ['append p50', largest.p50, ADK_MS.append],
      ['last-50 read p50', r.lastFifty.p50, ADK_MS.lastFifty],
      ['listSessions p50', r.listSessions.p50, ADK_MS.list],
    ];
    for (const [what, value, adk] of faster) {
      const speedup = adk / value;
      targets.push({ backend: r.backend, target: `${what} ≥ 20× faster than ADK (${adk} ms)`, value: `${speedup.toFixed(0)}×`, met: speedup >= 20 });
    }
  }
  for (const d of report.data) {
    if (d.backend === 'sqlite-opfs') {
      targets.push({ backend: d.backend, target: `search p50 over ${d.messages.toLocaleString('en')} messages ≤ 50 ms`, value: ms(d.search.p50), met: d.search.p50 <= 50 });
      const overhead = ratio(d.search.p50, d.searchFloor.p50);
      targets.push({ backend: d.backend, target: 'search p50 ≤ 3× a bare FTS5 query', value: `${overhead.toFixed(2)}×`, met: overhead <= 3 });
    }
    const importRatio = ratio(d.importFile.p50, d.bulkInsert.p50);
    targets.push({
      backend: d.backend,
      target: `import of a ${d.fileEvents.toLocaleString('en')}-event file (checked, then swapped in) ≤ ${IMPORT_FLOOR_RATIO}× a bare bulk insert`,
      value: `${importRatio.toFixed(1)}×`,
      met: importRatio <= IMPORT_FLOOR_RATIO,
    });
  }
  return targets;
}

/**
 * An import checks the file (integrity_check, JSON of every event), keeps a backup-free
 * replace in one transaction, and indexes every message; a bare insert does none of that.
 */
const IMPORT_FLOOR_RATIO = 25;

/** @param {BenchReport} report @param {Target[]} targets */
export function renderMarkdown(report, targets) {
  /** @type {string[]} */
  const lines = [];
  lines.push(`Chromium: ${report.userAgent.match(/Chrom\w*\/[\d.]+/)?.[0] ?? report.userAgent}; cross-origin isolated: ${report.crossOriginIsolated}`);
  lines.push('');
  lines.push('| back end | measure | p50 | p99 | n |');
  lines.push('|---|---|---|---|---|');
  for (const r of report.results) {
    /** @param {string} label @param {Stat | undefined} s */
    const row = (label, s) => lines.push(`| ${r.backend} | ${label} | ${ms(s?.p50)} | ${ms(s?.p99)} | ${s?.n ?? 0} |`);
    for (const [size, s] of Object.entries(r.append)) {
      row(`floor: raw single-row INSERT transaction (paired with the next row)`, r.floorWrite[size]);
      row(`appendEvent (event + state delta), ${size} events in session`, s);
    }
    for (const [size, s] of Object.entries(r.blob)) row(`JSON-blob pattern: rewrite ${size}-message history`, s);
    row('getSession, last 50 of the session', r.lastFifty);
    row('floor: raw SELECT … LIMIT 50 (paired)', r.floorLastFifty);
    row(`listSessions over ${'1,000'} sessions`, r.listSessions);
    if (r.journal) {
      row('journal: raw write, WAL + EXCLUSIVE + synchronous=NORMAL (used)', r.journal.wal);
      row('journal: raw write, rollback journal + synchronous=FULL', r.journal.rollback);
    }
  }
  for (const d of report.data ?? []) {
    /** @param {string} label @param {Stat | undefined} s */
    const row = (label, s) => lines.push(`| ${d.backend} | ${label} | ${ms(s?.p50)} | ${ms(s?.p99)} | ${s?.n ?? 0} |`);
    row(`searchMessages over ${d.messages.toLocaleString('en')} messages (newest 50, snippets)`, d.search);
    row('floor: bare FTS5 MATCH, newest 50 rowids, same texts in memory', d.searchFloor);
    row(`exportDatabaseFile, ${d.fileEvents.toLocaleString('en')} events (${(d.fileBytes / 1024 / 1024).toFixed(1)} MiB)`, d.exportFile);
    row(`import that file: check in a temporary database, then replace`, d.importFile);
    row('floor: bare bulk INSERT of the same events in memory, one transaction', d.bulkInsert);
  }
  lines.push('');
  lines.push('| back end | target | measured | met |');
  lines.push('|---|---|---|---|');
  for (const t of targets) lines.push(`| ${t.backend} | ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}
