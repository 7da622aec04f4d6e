import { Chalk } from 'chalk';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { clean, pad, shortMoney, truncate, width } from '../../src/format/_text.js';
import { csvCell, csvColumns, csvFormatter, neutralise } from '../../src/format/csv.js';
import { CSV_TABLES } from '../../src/format/kinds.js';
import { makeFormatter, type Format, type Formatter } from '../../src/format/index.js';
import { jsonFormatter, ndjsonFormatter } from '../../src/format/json.js';
import { storyCsv, storyTable, STORY_CSV_COLUMNS, writeStory } from '../../src/format/story.js';
import { fitWidths, renderTable, summaryLine, tableFormatter } from '../../src/format/table.js';
import { Article, Document, PlayerStory, type Evidence } from '../../src/schema.js';
import { expectLinear, tenthAndWhole } from './_linear.js';

const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 1 });
const ANSI = /\u001b\[[0-9;]*m/g;

function sink() {
  const chunks: string[] = [];
  return { chunks, write: (s: string) => (chunks.push(s), true), text: () => chunks.join('') };
}

function ev(file: string, start: number, sentence: string): Evidence {
  return { file, start, end: start + 5, line: 1 + Math.floor(start / 100), sentence };
}

/** A hand-built article: the formatters must not depend on what the recognisers find today. */
function article(file: string, date: string | null, extra: Partial<Article> = {}): Article {
  return {
    file,
    date,
    hash: 'a'.repeat(64),
    title: null,
    warnings: [],
    players: [{ name: 'Tomas Varga', aliases: ['Varga'], mentions: 3, club: 'Brentford', evidence: ev(file, 10, 'Brentford have rejected a bid for Tomas Varga.') }],
    people: [{ name: 'Keith Andrews', aliases: [], role: 'coach', club: 'Brentford', mentions: 1, evidence: ev(file, 90, 'said Keith Andrews.') }],
    clubs: [
      { name: 'Brentford', country: 'ENG', aliases: ['the Bees'], mentions: 2, evidence: ev(file, 0, 'Brentford have rejected a bid.') },
      { name: 'Newcastle United', country: 'ENG', aliases: ['the Magpies'], mentions: 2, evidence: ev(file, 40, 'from Newcastle United') },
    ],
    fees: [
      {
        text: '£40m (€46m)',
        amount: 40_000_000,
        amountMax: null,
        currency: 'GBP',
        bound: 'exact',
        period: null,
        kind: 'bid',
        conversions: [{ text: '€46m', amount: 46_000_000, currency: 'EUR' }],
        player: 'Tomas Varga',
        evidence: ev(file, 25, 'Brentford have rejected a bid of £40m (€46m), for Varga.'),
      },
    ],
    quotes: [{ text: 'We are not in a hurry to sell, "ever"', speaker: 'Keith Andrews', evidence: ev(file, 70, '"We are not in a hurry to sell," said Andrews.\nThen he left.') }],
    sources: [{ name: 'The Athletic', kind: 'outlet', aliases: [], evidence: ev(file, 120, 'according to The Athletic') }],
    rumours: [
      {
        player: 'Tomas Varga',
        from: 'Brentford',
        to: 'Newcastle United',
        status: 'rejected',
        window: 'summer',
        fee: { text: '£40m', amount: 40_000_000, currency: 'GBP' },
        source: 'The Athletic',
        evidence: ev(file, 0, 'Brentford have rejected a bid of £40m from Newcastle United for Tomas Varga.'),
      },
    ],
    ...extra,
  };
}

function run(f: Formatter, articles: Article[]): void {
  f.begin();
  for (const a of articles) f.article(a);
  f.end();
}

describe('text cleaning', () => {
  it('drops terminal escapes, controls and bidi overrides, keeps the words', () => {
    expect(clean('Var\u001b[31mga\u001b[0m')).toBe('Varga');
    expect(clean('a\u001b]0;pwned title\u0007b')).toBe('ab');
    expect(clean('a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b')).toBe('alinkb');
    expect(clean('x\u009b2Jy')).toBe('xy');
    expect(clean('line\r\nbreak\tand\u0000nul\u0007bell')).toBe('line break and nul bell');
    expect(clean('\u202eevil\u202c name')).toBe('evil name');
    expect(clean('Konaté £45m “quoted”')).toBe('Konaté £45m “quoted”');
  });

  it('stays linear on hostile input', () => {
    const hostile = '\u001b['.repeat(50_000) + '\u001b]'.repeat(50_000) + ';'.repeat(100_000);
    expectLinear(tenthAndWhole(hostile, (t) => t), clean);
    expect(clean(hostile)).not.toContain('\u001b');
  });

  it('measures, cuts and pads by terminal columns', () => {
    expect(width('Konate\u0301')).toBe(6);
    expect(width('東京')).toBe(4);
    expect(truncate('Alexis Mac Allister', 10)).toBe('Alexis Ma…');
    expect(width(truncate('Alexis Mac Allister', 10))).toBe(10);
    expect(truncate('news/2025/09/long-file-name.txt', 12, true)).toBe('…le-name.txt');
    expect(truncate('short', 10)).toBe('short');
    expect(pad('ab', 5)).toBe('ab   ');
  });

  it('writes money for people', () => {
    expect(shortMoney(120_000_000, 'EUR', '€120million')).toBe('€120m');
    expect(shortMoney(1_500_000_000, 'GBP', 'x')).toBe('£1.5bn');
    expect(shortMoney(250_000, 'USD', 'x')).toBe('$250k');
    expect(shortMoney(null, null, 'an undisclosed fee')).toBe('an undisclosed fee');
  });
});

describe('table', () => {
  it('aligns one row per rumour under its header and ends with a summary', () => {
    const out = sink();
    const other = article('fixtures/b.txt', null, {
      rumours: [{ player: 'Joao Amaral', from: null, to: 'Aston Villa', status: 'agreed', window: null, fee: null, source: null, evidence: ev('fixtures/b.txt', 0, 's') }],
    });
    run(tableFormatter(out, plain), [article('fixtures/a.txt', '2025-08-14'), other]);
    const lines = out.text().split('\n');
    expect(lines[0]).toMatch(/^DATE\s+PLAYER\s+MOVE\s+STATUS\s+LIKELY\s+FEE\s+SOURCE\s+WHY\s+FILE$/);
    const header = lines[0] ?? '';
    const [r1, r2] = [lines[1] ?? '', lines[2] ?? ''];
    expect(r1).toContain('Brentford → Newcastle United');
    expect(r1).toContain('£40m');
    expect(r2).toContain('? → Aston Villa');
    // Every column starts at the same place on every line.
    for (const col of ['PLAYER', 'MOVE', 'STATUS', 'FEE', 'SOURCE', 'FILE']) {
      const at = header.indexOf(col);
      expect(r1[at - 1]).toBe(' ');
      expect(r1[at]).not.toBe(' ');
      expect(r2[at]).not.toBe(' ');
    }
    expect(r2.slice(0, 10)).toBe('-         ');
    expect(lines.at(-2)).toBe('2 articles, 2 rumours, 2 players, 2 clubs');
    expect(out.text()).not.toMatch(ANSI);
  });

  it('strips escapes coming from article text and file names', () => {
    const out = sink();
    const a = article('evil\u001b[2J.txt', '2025-01-01');
    a.rumours[0]!.player = 'Varga\u001b]0;owned\u0007\u001b[31m!';
    a.rumours[0]!.to = 'Newcastle\u0000United\r\nX';
    run(tableFormatter(out, plain), [a]);
    expect(out.text()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out.text()).toContain('Varga!');
    expect(out.text()).toContain('Newcastle United X');
    expect(out.text()).toContain('evil?[2J.txt');
  });

  it('colours only when asked, without breaking the alignment', () => {
    const a = [article('a.txt', '2025-08-14'), article('bb.txt', '2025-08-15')];
    const off = sink();
    const on = sink();
    run(tableFormatter(off, plain), a);
    run(tableFormatter(on, coloured), a);
    expect(on.text()).toMatch(ANSI);
    expect(on.text().replace(ANSI, '')).toBe(off.text());
  });

  it('fits the width given: the least useful column gives way first, file:line never; wide characters align', () => {
    const columns = [
      { title: 'PLAYER', max: 28, shrink: 2 },
      { title: 'SOURCE', max: 24, shrink: 1 },
      { title: 'FILE', max: Infinity, whole: true },
    ];
    const rows = [
      ['Alexis Mac Allister', 'The Athletic and friends', 'news/very/long/path/to/an/article.txt:12'],
      ['久保建英', '😀 Marca', 'b.txt:3'],
    ];
    const text = renderTable(columns, rows, plain, '', 71);
    const body = text.split('\n').filter((l) => l !== '');
    expect(Math.max(...body.map((l) => width(l)))).toBeLessThanOrEqual(71);
    expect(body[1]).toContain('Alexis Mac Allister');
    expect(body[1]).toMatch(/The…nds {3,}news\/very\/long\/path\/to\/an\/article\.txt:12$/);
    // Columns line up in terminal columns, whatever the characters' widths.
    const at = (line: string, s: string) => width(line.slice(0, line.indexOf(s)));
    expect(at(body[2] ?? '', 'b.txt')).toBe(at(body[1] ?? '', 'news/'));
    expect(fitWidths(columns, [19, 24, 40], undefined)).toEqual([19, 24, 40]);
  });

  it('cuts long cells to their column cap, in the middle', () => {
    const rows = [['a'.repeat(50) + 'b'.repeat(50), 'y']];
    const text = renderTable([{ title: 'A', max: 10 }, { title: 'B', max: 5 }], rows, plain);
    expect(text.split('\n')[1]).toBe(`${'a'.repeat(5)}…${'b'.repeat(4)}  y`);
  });

  it('says so when there are no rumours, and counts unread inputs', () => {
    const out = sink();
    const f = tableFormatter(out, plain);
    f.begin();
    f.article(article('a.txt', null, { rumours: [] }));
    f.skipped('bad.txt', 'empty file');
    f.end();
    expect(out.text()).toBe('No rumours found.\n\n1 article, 0 rumours, 1 player, 2 clubs, 1 input not read (see above)\n');
    expect(summaryLine({ articles: 0, rumours: 0, players: 0, clubs: 0, skipped: 0 })).toBe('0 articles, 0 rumours, 0 players, 0 clubs');
  });
});

describe('json', () => {
  it('streams a valid rumours/extract@1 document for 0, 1 and 3 articles', () => {
    for (const n of [0, 1, 3]) {
      const out = sink();
      run(jsonFormatter(out), Array.from({ length: n }, (_, i) => article(`a${i}.txt`, '2025-01-0' + (i + 1))));
      const doc = JSON.parse(out.text());
      expect(Document.parse(doc).articles).toHaveLength(n);
      // Written as it goes: the opening, a separator and the article for each, the closing.
      expect(out.chunks.length).toBe(2 * n + 2);
    }
  });

  it('is closed and valid when the run stops half-way', () => {
    const out = sink();
    const f = jsonFormatter(out);
    try {
      f.begin();
      f.article(article('a.txt', null));
      throw new Error('disk on fire');
    } catch {
      // the command closes the document in `finally`
    } finally {
      f.end();
    }
    expect(JSON.parse(out.text()).articles).toHaveLength(1);
  });

  it('keeps every key: undefined and non-finite values become null', () => {
    const out = sink();
    const a = article('a.txt', null);
    (a as { title: unknown }).title = undefined;
    a.fees[0]!.amount = Number.NaN;
    run(jsonFormatter(out), [a]);
    const got = JSON.parse(out.text()).articles[0];
    expect(Object.keys(got)).toEqual(Object.keys(Article.shape));
    expect(got.title).toBeNull();
    expect(got.date).toBeNull();
    expect(got.fees[0].amount).toBeNull();
  });

  it('writes ndjson as one parseable article per line, one write per article', () => {
    const out = sink();
    run(ndjsonFormatter(out), [article('a.txt', null), article('b\nc.txt', '2025-02-02')]);
    const lines = out.text().split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(3);
    expect(out.chunks).toHaveLength(2);
    expect(Article.parse(JSON.parse(lines[1] ?? '')).file).toBe('b\nc.txt');
  });
});

describe('csv', () => {
  const rows = (text: string) => parse(text, { relax_column_count: false }) as string[][];

  it('writes RFC 4180: CRLF, quoted commas, quotes and line breaks, parsed back exactly', () => {
    const out = sink();
    const a = article('dir, with comma/a.txt', '2025-08-14');
    run(csvFormatter(out, 'quotes'), [a]);
    const text = out.text();
    expect(text.split('\r\n')).toHaveLength(3);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\r(?!\n)/);
    const [header, row] = rows(text);
    expect(header).toEqual(csvColumns('quotes'));
    expect(row).toEqual(['dir, with comma/a.txt', '2025-08-14', 'Keith Andrews', 'We are not in a hurry to sell, "ever"', '70', '75', '1', '"We are not in a hurry to sell," said Andrews.\nThen he left.']);
  });

  it('prints one row per rumour with the issue columns', () => {
    const out = sink();
    run(makeFormatter('csv', out, { paint: plain }), [article('a.txt', '2025-08-14'), article('b.txt', null)]);
    const [header, ...body] = rows(out.text());
    expect(header).toEqual([
      'file', 'date', 'player', 'from', 'to', 'status', 'window', 'fee_amount', 'fee_currency', 'fee_eur', 'fee_text', 'source', 'likelihood', 'reasons', 'evidence_start', 'evidence_end', 'evidence_line', 'sentence',
    ]);
    expect(body).toHaveLength(2);
    // The fee as numbers (the article's own euro figure beside the pounds), its text beside them.
    expect(body[0]?.slice(0, 12)).toEqual(['a.txt', '2025-08-14', 'Tomas Varga', 'Brentford', 'Newcastle United', 'rejected', 'summer', '40000000', 'GBP', '46000000', '£40m', 'The Athletic']);
    expect(body[1]?.[1]).toBe('');
  });

  it('has a header and the right number of rows for every table', () => {
    const a = article('a.txt', '2025-08-14');
    const expected: Record<string, number> = { rumours: 1, players: 1, people: 1, clubs: 2, fees: 1, quotes: 1, sources: 1 };
    for (const table of CSV_TABLES) {
      const out = sink();
      run(csvFormatter(out, table), [a, a]);
      const parsed = rows(out.text());
      expect(parsed[0]).toEqual(csvColumns(table));
      expect(parsed.length - 1).toBe(2 * (expected[table] ?? -1));
    }
    const fees = sink();
    run(csvFormatter(fees, 'fees'), [a]);
    expect(rows(fees.text())[1]?.slice(2, 13)).toEqual(['Tomas Varga', 'bid', '40000000', '', 'GBP', '46000000', '', 'exact', '', '£40m (€46m)', '€46m']);
  });

  it('writes only the header when nothing was read', () => {
    const out = sink();
    run(csvFormatter(out, 'rumours'), []);
    expect(out.text()).toBe(csvColumns('rumours').join(',') + '\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutralise(evil)).toBe(`'${evil}`);
    }
    expect(neutralise('-')).toBe('-');
    expect(neutralise('Varga')).toBe('Varga');
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    const out = sink();
    const a = article('=cmd|"/c calc"!A1', '2025-08-14');
    a.rumours[0]!.player = '@evil';
    run(csvFormatter(out, 'rumours'), [a]);
    const row = rows(out.text())[1] ?? [];
    expect(row[0]).toBe(`'=cmd|"/c calc"!A1`);
    expect(row[2]).toBe("'@evil");
  });
});

describe('player story formats', () => {
  const story: PlayerStory = {
    schema: 'rumours/player@1',
    query: 'varga',
    currency: 'EUR',
    player: { name: 'Tomas Varga', aliases: ['Varga'] },
    articles: 2,
    firstReport: '2025-08-14',
    latestReport: '2025-08-14',
    clubs: [{ name: 'Newcastle United', count: 1 }],
    rumours: [{ ...article('a.txt', null).rumours[0]!, fee: { text: '£40m', amount: 40_000_000, currency: 'GBP', converted: null }, likelihood: 0.3, reasons: ['rejected stage'], date: '2025-08-14', file: 'a.txt' }],
    fees: [
      {
        ...article('a.txt', null).fees[0]!,
        date: null,
        file: 'z.txt',
        converted: { amount: 46_000_000, amountMax: null, currency: 'EUR', via: 'article', rate: null, rateYear: null },
      },
    ],
    quotes: [
      { text: 'He is the best \u001b[5mstriker', speaker: 'Keith Andrews', evidence: ev('a.txt', 3, 's'), date: '2025-08-14', file: 'a.txt', relation: 'about' },
      { text: 'I am happy here', speaker: 'Tomas Varga', evidence: ev('a.txt', 1, 's'), date: '2025-08-14', file: 'a.txt', relation: 'by' },
    ],
  };

  it('prints a readable report', () => {
    const text = storyTable(story, plain);
    expect(text.split('\n')[0]).toBe('Tomas Varga (also Varga)');
    expect(text).toContain('2 articles, 2025-08-14; linked with Newcastle United (1)');
    expect(text).toMatch(/Rumours\n {2}DATE\s+MOVE\s+STATUS\s+LIKELY\s+FEE\s+SOURCE\s+WHY\s+FILE\n {2}2025-08-14 {2}Brentford → Newcastle United {2}rejected/);
    expect(text).toContain('about him, by Keith Andrews');
    expect(text).toContain('"He is the best striker"');
    expect(text).not.toContain('\u001b');
  });

  it("shows each fee in the story's currency beside it as written, and marks estimates", () => {
    const text = storyTable(story, plain);
    expect(text).toContain('fees reported: €46m\n');
    expect(text).toMatch(/Fees\n {2}DATE {2}IN EUR {2}AS WRITTEN {3}KIND {2}FILE\n {2}- {5}€46m {4}£40m \(€46m\) {2}bid {3}z\.txt:1\n/);
    expect(text).not.toContain('≈');
    const inDollars: PlayerStory = {
      ...story,
      currency: 'USD',
      fees: [
        { ...story.fees[0]!, converted: { amount: 50_000_000, amountMax: 57_500_000, currency: 'USD', via: 'rate', rate: 1.25, rateYear: 2025 } },
        { ...story.fees[0]!, amount: null, text: 'undisclosed', converted: null },
      ],
    };
    const estimated = storyTable(inDollars, plain);
    expect(estimated).toContain('fees reported: ≈$50m to ≈$57.5m\n');
    expect(estimated).toMatch(/IN USD\s+AS WRITTEN[^\n]*\n {2}-\s+≈\$50m–\$57\.5m\s+£40m \(€46m\)/);
    expect(estimated).toMatch(/\n {2}-\s+-\s+undisclosed/);
    expect(estimated).toContain("≈ estimated at the average rate of the article's year");
  });

  it('writes JSON that the PlayerStory schema accepts, and one line for ndjson', () => {
    for (const format of ['json', 'ndjson'] as Format[]) {
      const out = sink();
      writeStory(format, story, out, plain);
      expect(PlayerStory.parse(JSON.parse(out.text())).player.name).toBe('Tomas Varga');
      if (format === 'ndjson') expect(out.text().indexOf('\n')).toBe(out.text().length - 1);
    }
  });

  it('writes a CSV timeline, dated facts first, in article order', () => {
    const parsed = parse(storyCsv(story)) as string[][];
    expect(parsed[0]).toEqual(STORY_CSV_COLUMNS);
    expect(parsed.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['rumour', '2025-08-14', 'a.txt'],
      ['quote', '2025-08-14', 'a.txt'],
      ['quote', '2025-08-14', 'a.txt'],
      ['fee', '', 'z.txt'],
    ]);
    const col = (row: string[] | undefined, name: string) => row?.[STORY_CSV_COLUMNS.indexOf(name)];
    expect(col(parsed[2], 'relation')).toBe('by');
    const feeRow = parsed[4];
    expect(['amount', 'currency', 'converted_amount', 'converted_currency', 'converted_via', 'converted_rate'].map((c) => col(feeRow, c))).toEqual([
      '40000000',
      'GBP',
      '46000000',
      'EUR',
      'article',
      '',
    ]);
    expect(col(parsed[1], 'converted_amount')).toBe('');
  });
});
