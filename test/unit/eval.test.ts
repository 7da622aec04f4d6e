import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/commands/eval.js';
import type { Io } from '../../src/commands/_io.js';
import {
  CORE_FIELDS,
  EvalReport,
  evaluate,
  feeScore,
  fold,
  matchOneToOne,
  nameScore,
  parseGold,
  quoteMatches,
  renderJson,
  renderTable,
  spellingScore,
  type GoldFileInput,
} from '../../src/eval/index.js';
import type { Article, Fee, Quote, Rumour } from '../../src/schema.js';

// ---- hand-built articles ----

const ev = { file: 'x', start: 0, end: 1, line: 1, sentence: 's' };

function art(file: string, parts: Partial<Article> = {}): Article {
  return { file, date: null, hash: 'h', title: null, warnings: [], players: [], people: [], clubs: [], fees: [], quotes: [], sources: [], rumours: [], ...parts };
}
const player = (name: string) => ({ name, aliases: [], mentions: 1, club: null, evidence: ev });
const club = (name: string) => ({ name, country: null, aliases: [], mentions: 1, evidence: ev });
const fee = (amount: number | null, currency: Fee['currency'], p: string | null = null): Fee => ({
  text: 't',
  amount,
  amountMax: null,
  currency,
  bound: 'exact',
  period: null,
  kind: 'other',
  conversions: [],
  player: p,
  evidence: ev,
});
const quote = (text: string, speaker: string | null): Quote => ({ text, speaker, evidence: ev });
const rumour = (p: string, from: string | null, to: string, status: Rumour['status']): Rumour => ({
  player: p,
  from,
  to,
  status,
  window: null,
  fee: null,
  source: null,
  evidence: ev,
});

function gold(articles: GoldFileInput['articles']): GoldFileInput {
  return { schema: 'rumours-gold/1', articles };
}

// ---- matching rules ----

describe('name folding and the surname rule', () => {
  it('folds case, diacritics and punctuation', () => {
    expect(fold('Ibrahima KONATÉ')).toBe('ibrahima konate');
    expect(fold("  O'Shea,  ")).toBe('oshea');
    expect(fold('Brighton & Hove Albion')).toBe(fold('Brighton and Hove Albion'));
    expect(spellingScore('Alexander-Arnold', 'Alexander Arnold')).toBe(2);
    expect(spellingScore('Martin Ødegaard', 'martin odegaard')).toBe(2);
    expect(spellingScore('', '')).toBe(0);
  });

  it('matches the canonical, a listed spelling, or a surname part', () => {
    expect(nameScore('Alexis Mac Allister', ['Alexis Mac Allister', 'Mac Allister'])).toBe(3);
    expect(nameScore('mac allister', ['Alexis Mac Allister', 'Mac Allister'])).toBe(2);
    expect(nameScore('Mac Allister', ['Alexis Mac Allister'])).toBe(1);
    expect(nameScore('Alexis Mac Allister', ['Mac Allister'])).toBe(1);
    expect(nameScore('MacAllister', ['Alexis Mac Allister'])).toBe(1);
    expect(nameScore('Vinicius Jnr', ['Vinícius Júnior', 'Vinicius Jnr'])).toBe(2);
  });

  it('does not take a leading word or a different first part for a surname', () => {
    expect(nameScore('Alexis', ['Alexis Mac Allister'])).toBe(0);
    expect(nameScore('Real', ['Real Madrid'])).toBe(0);
    expect(nameScore('Leicester City', ['Manchester City'])).toBe(0);
    expect(nameScore('Allister Mac', ['Alexis Mac Allister'])).toBe(0);
  });
});

describe('fees', () => {
  it('match on currency and an amount within 1%', () => {
    const g = { amount: 100_000_000, currency: 'GBP' };
    expect(feeScore({ amount: 100_000_000, currency: 'GBP' }, g)).toBe(1);
    expect(feeScore({ amount: 100_900_000, currency: 'GBP' }, g)).toBeGreaterThan(0);
    expect(feeScore({ amount: 99_100_000, currency: 'GBP' }, g)).toBeGreaterThan(0);
    expect(feeScore({ amount: 101_100_000, currency: 'GBP' }, g)).toBe(0);
    expect(feeScore({ amount: 100_000_000, currency: 'EUR' }, g)).toBe(0);
    expect(feeScore({ amount: null, currency: 'GBP' }, g)).toBe(0);
    // The nearer amount scores higher, so best-first pairing takes it.
    expect(feeScore({ amount: 100_000_000, currency: 'GBP' }, g)).toBeGreaterThan(feeScore({ amount: 100_500_000, currency: 'GBP' }, g));
  });

  it('leaves fees with no amount unscored', () => {
    const g = gold({ 'a.txt': { date: null, fees: [{ amount: 5_000_000, currency: 'GBP', player: null }] } });
    const r = evaluate(g, [art('dir/a.txt', { fees: [fee(null, null), fee(null, 'GBP'), fee(5_020_000, 'GBP')] })]);
    expect(r.fields.fees).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });
});

describe('quotes', () => {
  it('match when the folded text starts with the folded gold start', () => {
    expect(quoteMatches("It's a country I like a lot, and one day...", 'It’s a country I like')).toBe(true);
    expect(quoteMatches('"Yes - why not?" he said', 'Yes, why not')).toBe(true);
    expect(quoteMatches('I said: yes, why not', 'Yes, why not')).toBe(false);
    expect(quoteMatches('Yes', 'Yes, why not')).toBe(false);
    expect(quoteMatches('anything', '...')).toBe(false);
  });
});

describe('one-to-one matching', () => {
  it('takes the best pairs first', () => {
    const golds = [['Manchester City'], ['Leicester City']];
    const preds = ['City', 'Manchester City'];
    const r = matchOneToOne(preds, golds, (p, g) => {
      const s = nameScore(p, g);
      return s > 0 ? [s] : null;
    });
    expect(r.pairs).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('never pairs one gold entry twice', () => {
    const g = gold({ 'a.txt': { date: null, players: [['Steven Gerrard', 'Gerrard']] } });
    const r = evaluate(g, [art('a.txt', { players: [player('Gerrard'), player('Steven Gerrard')] })]);
    expect(r.fields.players).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(r.details?.find((d) => d.kind === 'false-positive')?.value).toBe('Gerrard');
  });
});

describe('optional entries', () => {
  const g = gold({
    'a.txt': {
      date: null,
      players: ['Michael Owen', { name: 'Alan Shearer', optional: true }],
      optional_players: ['Alan Hansen'],
      clubs: ['Liverpool'],
      optional_clubs: ['Anfield'],
      fees: [
        { amount: 8_000_000, currency: 'GBP', player: null, optional: true },
        { amount: 8_000_000, currency: 'GBP', player: null },
      ],
    },
  });

  it('are neither misses when absent nor false positives when found', () => {
    const r = evaluate(g, [art('a.txt', { players: [player('Owen'), player('Alan Hansen')], clubs: [club('Liverpool')] })]);
    expect(r.fields.players).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.fields.clubs).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    // one required fee not found is a miss; the optional one is not
    expect(r.fields.fees).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });

  it('give way to a required entry on a tie', () => {
    const r = evaluate(g, [art('a.txt', { fees: [fee(8_000_000, 'GBP')] })]);
    expect(r.fields.fees).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });
});

describe('attribute fields', () => {
  const g = gold({
    'a.txt': {
      date: null,
      players: [['Steven Gerrard', 'Gerrard', 'Stevie G']],
      people: [{ name: ['Rick Parry', 'Parry'], role: 'executive' }],
      clubs: ['Liverpool', ['Chelsea', 'the Blues']],
      fees: [
        { amount: 30_000_000, currency: 'GBP', player: 'Steven Gerrard' },
        { amount: 40_000_000, currency: 'GBP', player: 'Steven Gerrard' },
        { amount: 1_000_000, currency: 'GBP', player: null },
      ],
      quotes: [
        { start: 'Steven is above money', speaker: 'Rick Parry' },
        { start: 'We all want to see progress', speaker: null },
      ],
      rumours: [{ player: 'Steven Gerrard', from: 'Liverpool', to: 'Chelsea', status: 'bid' }],
    },
  });

  it('score right / matched pairs, with null matching null only', () => {
    const r = evaluate(g, [
      art('a.txt', {
        fees: [fee(30_000_000, 'GBP', 'Stevie G'), fee(40_000_000, 'GBP', null), fee(1_000_000, 'GBP', 'Gerrard'), fee(9, 'GBP')],
        quotes: [quote('Steven is above money. He is the future', 'Parry'), quote('We all want to see progress by', null)],
        rumours: [rumour('Gerrard', 'Liverpool', 'the Blues', 'interest')],
      }),
    ]);
    // the £9 fee is a false positive of fees but has no pair, so it does not count for fee→player
    expect(r.fields.fees).toMatchObject({ tp: 3, fp: 1, fn: 0 });
    expect(r.fields.feePlayer).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(r.fields.feePlayer.precision).toBeCloseTo(1 / 3);
    expect(r.fields.feePlayer.recall).toBeCloseTo(1 / 3);
    expect(r.fields.feePlayer.f1).toBeCloseTo(1 / 3);
    expect(r.fields.quoteSpeaker).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    expect(r.fields.rumours).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.fields.rumourFrom.f1).toBe(1);
    expect(r.fields.rumourStatus).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
    const wrong = r.details?.find((d) => d.field === 'rumourStatus');
    expect(wrong).toMatchObject({ kind: 'wrong', expected: 'bid', got: 'interest' });
  });

  it('score 0, not 1, when the parent field matched nothing it should have', () => {
    const r = evaluate(g, [art('a.txt')]);
    expect(r.fields.rumourFrom.f1).toBe(0);
    expect(r.fields.quoteSpeaker.f1).toBe(0);
  });

  it('match a rumour on player and destination only', () => {
    const r = evaluate(g, [art('a.txt', { rumours: [rumour('Gerrard', 'Liverpool', 'Real Madrid', 'bid')] })]);
    expect(r.fields.rumours).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('compare the role of matched people', () => {
    const person = { name: 'Parry', aliases: [], role: 'manager' as const, club: null, mentions: 1, evidence: ev };
    const r = evaluate(g, [art('a.txt', { people: [person] })]);
    expect(r.fields.people).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.fields.peopleRole).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });
});

describe('date, pairing and macro', () => {
  it('scores the date per article, null equal to null, absent not scored', () => {
    const g = gold({ 'a.txt': { date: '2025-01-02' }, 'b.txt': { date: null }, 'c.txt': { date: '2025-01-02' }, 'd.txt': {} });
    const r = evaluate(g, [art('a.txt', { date: '2025-01-02' }), art('b.txt'), art('c.txt', { date: '2025-01-03' }), art('d.txt', { date: '2020-01-01' })]);
    expect(r.fields.date).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(r.fields.date.f1).toBeCloseTo(2 / 3);
  });

  it('pairs by basename, reports missing gold articles and ignores the rest', () => {
    const g = gold({ '018.txt': { date: null }, '019.txt': { date: null } });
    const r = evaluate(g, [art('/x/bbc/018.txt'), art('/x/other/018.txt'), art('/x/bbc/020.txt')]);
    expect(r.articles).toBe(1);
    expect(r.errors).toEqual([{ file: '019.txt', reason: expect.stringContaining('no extracted article') }]);
    expect(r.ignored.map((i) => i.file)).toEqual(['/x/other/018.txt', '/x/bbc/020.txt']);
  });

  it('averages the F1 of the core fields only', () => {
    const g = gold({ 'a.txt': { date: null, players: ['Michael Owen', 'Jamie Carragher'], people: [{ name: 'Rafael Benitez', role: 'manager' }] } });
    const r = evaluate(g, [art('a.txt', { players: [player('Michael Owen')] })]);
    // players F1 = 2/3, date 1; the fields the entry leaves out are not scored; people F1 = 0 is left out
    expect(r.fields.people.f1).toBe(0);
    expect(r.macroF1).toBeCloseTo((1 + 2 / 3) / 2);
    expect(r.macroFields).toEqual(['players', 'date']);
    expect(r.fields.clubs.scored).toBe(false);
  });

  it('an entry that gives a field as empty scores what is found there as false positives', () => {
    const g = gold({ 'a.txt': { date: null, players: ['Michael Owen'], clubs: [] } });
    const r = evaluate(g, [art('a.txt', { players: [player('Michael Owen')], clubs: [club('Liverpool')] })]);
    expect(r.fields.clubs).toMatchObject({ tp: 0, fp: 1, fn: 0, scored: true });
    expect(r.macroFields).toEqual(['players', 'clubs', 'date']);
  });

  it('partial gold: listed items are expected, unlisted finds are not false positives, left-out attributes not scored', () => {
    const g = gold({
      'a.txt': {
        partial: ['players', 'rumours'],
        players: ['Romelu Lukaku'],
        rumours: [{ player: 'Romelu Lukaku', from: ['Inter Milan', 'Inter'], to: ['Chelsea FC', 'Chelsea'] }],
      },
      'b.txt': { partial: ['players', 'rumours'], players: ['Jadon Sancho'], rumours: [{ player: 'Jadon Sancho', to: 'Manchester United' }] },
    });
    const r = evaluate(g, [
      art('a.txt', {
        players: [player('Romelu Lukaku'), player('Timo Werner')],
        rumours: [rumour('Romelu Lukaku', 'Inter', 'Chelsea', 'bid'), rumour('Timo Werner', 'Chelsea', 'Inter', 'interest')],
      }),
      art('b.txt', { players: [player('Sancho')], rumours: [rumour('Jadon Sancho', null, 'Manchester United', 'talks')] }),
    ]);
    expect(r.fields.players).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(r.fields.rumours).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    // b.txt's rumour gives no `from`: only a.txt's is scored
    expect(r.fields.rumourFrom).toMatchObject({ tp: 1, fp: 0, scored: true });
    expect(r.fields.rumourStatus.scored).toBe(false);
    expect(r.macroFields).toEqual(['players', 'rumours', 'rumourFrom']);
    const missed = evaluate(g, [art('a.txt', { players: [player('Timo Werner')] }), art('b.txt')]);
    expect(missed.fields.players).toMatchObject({ tp: 0, fp: 0, fn: 2 });
    expect(missed.fields.rumours).toMatchObject({ tp: 0, fp: 0, fn: 2 });
  });


  it('produces a report that its zod schema accepts, in JSON and as a table', () => {
    const g = gold({ 'a.txt': { date: null, players: ['Michael Owen'] } });
    const r = evaluate(g, [art('a.txt', { players: [player('Wayne Rooney')] })]);
    expect(EvalReport.safeParse(r).success).toBe(true);
    const json = JSON.parse(renderJson(r));
    expect(EvalReport.safeParse(json).success).toBe(true);
    expect(json.details).toBeUndefined();
    expect(JSON.parse(renderJson(r, { verbose: true })).details).toHaveLength(2);
    const table = renderTable(r, { verbose: true });
    expect(table).toMatch(/^macro-F1\s+0\.\d{3}/m);
    expect(table).toMatch(/players\s+miss\s+Michael Owen/);
    expect(table).toMatch(/players\s+false positive\s+Wayne Rooney/);
    expect(table).not.toContain('\u001b[');
  });
});

describe('gold files', () => {
  it('the shared gold files parse with the gold schema', () => {
    for (const f of ['seeds.gold.json', 'bbc-dev.gold.json', 'tm-dev.gold.json']) {
      const json = JSON.parse(readFileSync(new URL(`../../../shared/gold/${f}`, import.meta.url), 'utf8'));
      const r = parseGold(json);
      expect(r.ok, f).toBe(true);
      if (r.ok) expect(Object.keys(r.gold.articles).length).toBeGreaterThan(0);
    }
  });

  it('rejects an unknown key and names where', () => {
    const r = parseGold({ schema: 'rumours-gold/1', articles: { 'a.txt': { date: null, player: [] } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('a.txt');
  });
});

// ---- the command ----

async function runCli(args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    isTTY: false,
    env: {},
    stdin: process.stdin,
    exitCode: 0,
  };
  const program = new Command('rumours').exitOverride();
  register(program, io);
  await program.parseAsync(['eval', ...args], { from: 'user' });
  return { out, err, code: io.exitCode };
}

describe('rumours eval', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rumours-eval-'));
  writeFileSync(path.join(dir, 'one.txt'), 'Rovers want the striker.\n\nThe club said nothing more about the deal.\n');
  writeFileSync(path.join(dir, 'extra.txt'), 'Nothing to see here.\n');
  const goldFile = path.join(dir, 'gold.json');
  // A player no rule could find: the macro-F1 is certainly below 1.
  writeFileSync(goldFile, JSON.stringify({ schema: 'rumours-gold/1', articles: { 'one.txt': { date: null, players: ['Zqx Vwy'] } } }));

  it('exits 1 when the macro-F1 is below --min-f1, and says which', async () => {
    const r = await runCli([goldFile, path.join(dir, 'one.txt'), '--min-f1', '1']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/macro-F1 0\.\d+ is below --min-f1 1/);
    expect(r.out).toMatch(/macro/);
    expect((await runCli([goldFile, path.join(dir, 'one.txt'), '--min-f1', '0'])).code).toBe(0);
  });

  it('prints JSON on request', async () => {
    const r = await runCli([goldFile, dir, '--format', 'json']);
    const json = JSON.parse(r.out);
    expect(json.schema).toBe('rumours/eval@1');
    expect(json.articles).toBe(1);
    expect(r.err).toMatch(/note: 1 file/);
  });

  it('exits 2 with one line naming the file for a bad gold file or a missing article', async () => {
    const bad = await runCli([path.join(dir, 'nope.json'), dir]);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toContain('nope.json');
    const other = path.join(dir, 'other.gold.json');
    writeFileSync(other, JSON.stringify({ schema: 'rumours-gold/1', articles: { 'two.txt': { date: null } } }));
    const missing = await runCli([other, path.join(dir, 'one.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('two.txt');
    expect((await runCli([goldFile, dir, '--min-f1', 'high'])).code).toBe(2);
  });
});

describe('rumours eval reads a run', () => {
  it('keeps one role for one man across the run: a manager elsewhere is no player here', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rumours-roles-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Manchester City manager Kevin Keegan has praised his side after the win.\n');
    writeFileSync(path.join(dir, 'b.txt'), 'Manchester City chairman John Wardle said: "If a bid comes in for Nicolas Anelka I will speak to the board and then speak to Kevin Keegan."\n');
    const gold = path.join(dir, 'gold.json');
    const people = [{ name: 'Kevin Keegan', role: 'manager' }];
    writeFileSync(gold, JSON.stringify({ schema: 'rumours-gold/1', articles: { 'b.txt': { date: null, players: ['Nicolas Anelka'], people } } }));
    const json = JSON.parse((await runCli([gold, dir, '--format', 'json'])).out);
    expect(json.fields.players.precision).toBe(1);
    // Alone, the same article reads him as a player: it is the run that knows better.
    const alone = JSON.parse((await runCli([gold, path.join(dir, 'b.txt'), '--format', 'json'])).out);
    expect(alone.fields.players.precision).toBeLessThan(1);
  });
});
