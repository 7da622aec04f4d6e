// The rumour store: one SQLite file (WAL, so readers never wait for a writer) holding every article
// extracted, as its Article JSON plus indexed rows for the questions the commands ask.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type BetterSqlite3 from 'better-sqlite3';
import type { StoryArticle } from '../aggregate/player.js';
import type { Article, Currency, DatedRumour, Fee, Quote, Rumour } from '../schema.js';
import type { SearchHit, StoreStats } from './shapes.js';
import { convertRumourFee, type FeeLike } from '../aggregate/currency.js';
import { DEFAULT_CURRENCY, SCHEMA_IDS } from '../ids.js';
import { nameKey } from '../aggregate/identity.js';
import { packArticle, unweighed } from '../format/packed.js';
import { safeJson } from '../format/_text.js';
import { mayName, nameRuns, nameWords, queryKeys, queryWords, queryWordSet } from './keys.js';
import { Weigher, type ArticleFacts, type Weighed } from '../weigh/index.js';
import { APPLICATION_ID, EXTRACTOR_VERSION, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

// better-sqlite3 is CommonJS: required, not imported as an ES module, which would make node parse it
// for its exports first (about 4 ms more on every run that opens the store).
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

const _BATCH = 200;
const _BATCH_MS = 250;

/** A store that cannot be used (newer than this tool, not a database): the message says why. */
export class StoreError extends Error {}

/** A store of an older schema opened read-only: it must be upgraded (written) first. */
class _OldSchema extends StoreError {}

// How long a statement waits for another process's lock before it fails (SQLITE_BUSY). A writer's
// batch does not wait here: it asks (tryBegin) and its caller waits between tries, saying so.
const _BUSY_MS = 10_000;

export interface StoreOptions {
  /** Open for queries: nothing is written, not even the WAL switch; a store that cannot be written still answers. */
  readonly?: boolean;
}

export interface RumourFilter {
  clubs?: string[];
  statuses?: string[];
  /** Articles dated on or after / on or before (YYYY-MM-DD). */
  since?: string;
  until?: string;
  /** What was known that day: only articles dated on or before it (undated ones left out). */
  asOf?: string;
}

type _RumourRow = {
  rowid: number;
  id: number;
  date: string | null;
  file: string;
  json: string | null;
  player: string;
  from_club: string | null;
  to_club: string;
  status: Rumour['status'];
  window: string | null;
  fee_amount: number | null;
  fee_currency: Currency | null;
  fee_text: string | null;
  source: string | null;
  line: number | null;
  start: number;
  end: number;
};

/** The rumour as the article gave it; rows stored before rumours kept their JSON (store schema 2) are pieced together from their columns. */
function _rumourOf(row: _RumourRow): Rumour {
  if (row.json !== null) return JSON.parse(row.json) as Rumour;
  const fee = row.fee_text === null ? null : { text: row.fee_text, amount: row.fee_amount, currency: row.fee_currency };
  return {
    player: row.player,
    from: row.from_club,
    to: row.to_club,
    status: row.status,
    window: row.window,
    fee,
    source: row.source,
    evidence: { file: row.file, start: row.start, end: row.end, line: row.line ?? 1, sentence: '' },
  };
}

/** The rumour store: what `extract` recorded, and the questions the commands ask of it. */
export class Store {
  readonly path: string;
  readonly readonly: boolean;
  private readonly db: BetterSqlite3.Database;
  private readonly stmts = new Map<string, BetterSqlite3.Statement>();
  private batch = { articles: 0, since: 0 };
  /** Commits an open batch once it is a quarter second old, even while the next article is long in extraction. */
  private timer: NodeJS.Timeout | null = null;
  /** A commit that failed on the timer, thrown at the next write. */
  private late: unknown = null;

  constructor(file: string, opts: StoreOptions = {}) {
    this.path = file;
    this.readonly = opts.readonly ?? false;
    if (file !== ':memory:' && !this.readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    try {
      this.db = this.readonly ? _openReadOnly(file) : new Database(file, { timeout: _BUSY_MS });
    } catch (err) {
      throw new StoreError(storeProblem(file, err));
    }
    try {
      // Looked at before anything is written: a file that is not ours is never changed.
      const version = _vet(this.db, file);
      if (!this.readonly) {
        this.db.pragma('journal_mode = WAL');
        // WAL with NORMAL: a killed process loses nothing committed; only a power cut may lose the last few.
        this.db.pragma('synchronous = NORMAL');
        this.db.pragma('foreign_keys = ON');
        _migrate(this.db, file, version);
      } else if (version < SCHEMA_VERSION) {
        throw new _OldSchema(`${file}: the store has schema ${version} and needs upgrading to ${SCHEMA_VERSION}, which a query does not do: run rumours extract or reindex on it once`);
      }
      // A larger page cache keeps the indexes' pages in memory as the store grows past the default 2 MB.
      this.db.pragma('cache_size = -32000');
    } catch (err) {
      this.db.close();
      throw err instanceof StoreError ? err : new StoreError(storeProblem(file, err));
    }
  }

  /** Statements are prepared once per store: preparing is most of the cost of a small insert. */
  private _st(sql: string): BetterSqlite3.Statement {
    let st = this.stmts.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.stmts.set(sql, st);
    }
    return st;
  }

  /** Commit the articles recorded since the last commit. */
  flush(): void {
    this._throwLate();
    this._stopTimer();
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }

  close(): void {
    if (!this.db.open) return;
    try {
      this.flush();
    } finally {
      this.db.close();
    }
  }

  /**
   * Open a batch if none is open: false at once, rather than waiting, when another process holds the
   * write lock (the caller waits between tries and says so; see store/run.ts).
   */
  tryBegin(): boolean {
    if (this.db.inTransaction) return true;
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw err;
    } finally {
      this.db.pragma(`busy_timeout = ${_BUSY_MS}`);
    }
    this.batch = { articles: 0, since: Date.now() };
    return true;
  }

  /** A commit that failed on the timer is said at the next write, or at the end. */
  private _throwLate(): void {
    if (this.late === null) return;
    const err = this.late;
    this.late = null;
    throw err;
  }

  private _stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Commit the open batch when it is due, even if no article comes meanwhile. */
  private _commitLater(): void {
    if (this.timer) return;
    const due = Math.max(0, this.batch.since + _BATCH_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.flush();
      } catch (err) {
        this.late = err;
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      }
    }, due);
    this.timer.unref();
  }

  /** The stored article for this file, if its bytes are unchanged and the current extractor read it. */
  cached(file: string, hash: string): Article | null {
    const stored = this.cachedAs(file, hash, false);
    return stored && 'article' in stored ? stored.article : null;
  }

  /**
   * The same, and with `asLine` as the line JSON Lines prints for it, with its warnings, when that
   * line is the stored JSON itself: stored under this very name (the JSON begins with it) and with
   * its warnings kept (store schema 5). Printed so, an unchanged article costs neither reading its
   * JSON nor writing it again. Otherwise the article, read whole; one query and one inflate either way.
   */
  cachedAs(file: string, hash: string, asLine: boolean): { line: string; warnings: string[] } | { article: Article } | null {
    const row = this._st('SELECT json, warnings FROM articles WHERE path = ? AND hash = ? AND extractor = ?').get(_key(file), hash, EXTRACTOR_VERSION) as
      | { json: Buffer; warnings: string | null }
      | undefined;
    if (!row) return null;
    const json = inflateRawSync(row.json).toString('utf8');
    if (asLine && row.warnings !== null && json.startsWith(`{"file":${JSON.stringify(file)},`)) {
      return { line: `${safeJson(json)}\n`, warnings: JSON.parse(row.warnings) as string[] };
    }
    return { article: _asGiven(JSON.parse(json) as Article, file) };
  }

  /**
   * Record one article, replacing what the same file held before. Articles are committed in batches
   * (every 200 articles or quarter second, and on flush or close): a commit per article costs more
   * than its inserts, the full-text index's most. Each article is still whole or absent: a kill loses
   * the open batch, never part of an article, and an article whose writing fails takes its batch back
   * out with it (the run stops there; the next one extracts them again). A savepoint per article kept
   * the others, at a third of the cost of every write: the full-text index writes out what it holds
   * at each savepoint.
   */
  put(a: Article, text: string, bytes: number, packed?: Uint8Array): void {
    this._throwLate();
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      this.batch = { articles: 0, since: Date.now() };
    }
    try {
      this._put(a, text, bytes, packed);
    } catch (err) {
      this._stopTimer();
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
    this.batch.articles++;
    if (this.batch.articles >= _BATCH || Date.now() - this.batch.since >= _BATCH_MS) this.flush();
    else this._commitLater();
  }

  private _put(given: Article, text: string, bytes: number, packed?: Uint8Array): void {
    // Likelihoods depend on the other articles and the day asked about: weighed when read, never stored.
    const a = { ...given, rumours: unweighed(given.rumours) };
    this._remove(a.file);
    // The JSON as JSON Lines prints it (see cachedAs), fees also in the default currency; packed by
    // the worker that extracted the article when there was one. A worker's bytes arrive as a plain
    // Uint8Array, which SQLite binds only as a Buffer (no copy).
    const json = packed ? Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength) : packArticle(a);
    const info = this._st('INSERT INTO articles (path, hash, date, title, extractor, stored_at, bytes, json, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(_key(a.file), a.hash, a.date, a.title, EXTRACTOR_VERSION, new Date().toISOString(), bytes, json, JSON.stringify(a.warnings));
    const id = Number(info.lastInsertRowid);
    this._st('INSERT INTO article_text (rowid, title, body) VALUES (?, ?, ?)').run(id, a.title ?? '', text);
    const names = new Set<string>();
    const forms = [...a.players.flatMap((p) => [p.name, ...p.aliases]), ...a.rumours.map((r) => r.player), ...a.fees.flatMap((f) => (f.player ? [f.player] : []))];
    for (const f of forms) for (const k of nameRuns(f)) names.add(k);
    const nameStmt = this._st('INSERT INTO player_names (article_id, key) VALUES (?, ?)');
    for (const k of names) nameStmt.run(id, k);
    const player = this._st('INSERT INTO players (article_id, name, key, club, mentions, aliases, words) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const p of a.players) player.run(id, p.name, nameKey(p.name), p.club, p.mentions, JSON.stringify(p.aliases), nameWords([p.name, ...p.aliases]));
    const club = this._st('INSERT INTO clubs (article_id, name, mentions) VALUES (?, ?, ?)');
    for (const c of a.clubs) club.run(id, c.name, c.mentions);
    const person = this._st('INSERT INTO people (article_id, name, role, club) VALUES (?, ?, ?, ?)');
    for (const p of a.people) person.run(id, p.name, p.role, p.club);
    const source = this._st('INSERT INTO sources (article_id, name, kind) VALUES (?, ?, ?)');
    for (const s of a.sources) source.run(id, s.name, s.kind);
    const rumour = this._st(
      'INSERT INTO rumours (article_id, player, from_club, to_club, status, window, fee_amount, fee_currency, fee_text, source, line, start, end, json, player_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of a.rumours) {
      const e = r.evidence;
      rumour.run(id, r.player, r.from, r.to, r.status, r.window, r.fee?.amount ?? null, r.fee?.currency ?? null, r.fee?.text ?? null, r.source, e.line, e.start, e.end, JSON.stringify(r), nameWords([r.player]));
    }
    const fee = this._st('INSERT INTO fees (article_id, player, kind, amount, currency, text, start, end, json, player_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const f of a.fees) fee.run(id, f.player, f.kind, f.amount, f.currency, f.text, f.evidence.start, f.evidence.end, JSON.stringify(f), f.player ? nameWords([f.player]) : null);
    const quote = this._st('INSERT INTO quotes (article_id, speaker, start, end, json, speaker_words) VALUES (?, ?, ?, ?, ?, ?)');
    const quoteText = this._st('INSERT INTO quote_text (rowid, text, sentence) VALUES (?, ?, ?)');
    for (const q of a.quotes) {
      const qid = quote.run(id, q.speaker, q.evidence.start, q.evidence.end, JSON.stringify(q), q.speaker ? nameWords([q.speaker]) : null).lastInsertRowid;
      quoteText.run(qid, q.text, q.evidence.sentence);
    }
  }

  /** Forget a file's article and every fact from it. */
  remove(file: string): void {
    this.db.transaction(() => this._remove(file))();
  }

  private _remove(file: string): void {
    const row = this._st('SELECT id FROM articles WHERE path = ?').get(_key(file)) as { id: number } | undefined;
    if (!row) return;
    // Full-text tables know nothing of foreign keys: clear them by hand, then let the cascade do the rest.
    this._st('DELETE FROM quote_text WHERE rowid IN (SELECT id FROM quotes WHERE article_id = ?)').run(row.id);
    this._st('DELETE FROM article_text WHERE rowid = ?').run(row.id);
    this._st('DELETE FROM articles WHERE id = ?').run(row.id);
  }

  /** Every stored file (absolute paths), in order. */
  paths(): string[] {
    return (this.db.prepare('SELECT path FROM articles ORDER BY path').all() as Array<{ path: string }>).map((r) => r.path);
  }

  /**
   * Forget the articles of these files, and of every file stored under these folders: the files
   * forgotten (absolute paths). One transaction: all of them or, should it fail, none.
   */
  forget(paths: string[]): string[] {
    const stored = this.paths();
    const files = new Set(stored);
    const gone = new Set<string>();
    this.db.transaction(() => {
      for (const p of paths) {
        const abs = _key(p);
        // A stored file is forgotten at once (prune names thousands); anything else may be a folder.
        const hits = files.has(abs) ? [abs] : stored.filter((f) => f.startsWith(abs.endsWith(path.sep) ? abs : abs + path.sep));
        for (const f of hits) {
          if (gone.has(f)) continue;
          this._remove(f);
          gone.add(f);
        }
      }
    })();
    return [...gone];
  }

  /** No article stored yet (cheaper than counting them). */
  empty(): boolean {
    return this.db.prepare('SELECT 1 FROM articles LIMIT 1').get() === undefined;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  /**
   * What the story of the player the query names is told from (then matched finely by the caller):
   * the articles that may name him, by path, each with its players and only the rumours, fees and
   * quotes that may be about him, read from their rows rather than from whole articles, which keeps a
   * player named in thousands of articles quick. `stale` counts articles an older extractor read:
   * those are read whole (see `rumours reindex`).
   */
  storyArticles(query: string): { articles: StoryArticle[]; stale: number } {
    const keys = queryKeys(query);
    if (keys.length === 0) return { articles: [], stale: 0 };
    const words = queryWords(query);
    // Named parameters: @keys (the articles that may name him), @w0, @w1... (the query's words as
    // ' gerrard ', found in the stored ' steven gerrard ' of a name), @fts (the words in every
    // spelling, any of them).
    const args: Record<string, unknown> = { keys: JSON.stringify(keys), version: EXTRACTOR_VERSION, fts: [...queryWordSet(query)].map((w) => `"${w}"`).join(' OR ') };
    words.forEach((w, i) => (args[`w${i}`] = w));
    const anyWord = (column: string) => words.map((_, i) => `instr(${column}, @w${i}) > 0`).join(' OR ');
    const sharesWord = (column: string) => `${column} IS NOT NULL AND (${anyWord(column)})`;
    // Rows stored before their player's words were kept (store schema 3) are read: they may be his.
    const mayShareWord = (column: string) => `(${column} IS NULL OR ${anyWord(column)})`;
    const cands = 'SELECT article_id FROM player_names WHERE key IN (SELECT value FROM json_each(@keys))';
    const all = <T>(sql: string) => this.db.prepare(sql).all(args) as T[];

    const byId = new Map<number, StoryArticle>();
    // Articles an older extractor read have no rows to tell from: they are read whole.
    const fromRows = new Map<number, StoryArticle>();
    for (const r of all<{ id: number; path: string; date: string | null; json: Buffer | null }>(
      `SELECT id, path, date, CASE WHEN extractor < @version THEN json END AS json FROM articles INDEXED BY articles_story WHERE id IN (${cands}) ORDER BY path`,
    )) {
      const a: StoryArticle = r.json ? _unpack(r.json) : { file: r.path, date: r.date, players: [], rumours: [], fees: [], quotes: [] };
      byId.set(r.id, a);
      if (!r.json) fromRows.set(r.id, a);
      // Read whole: its rumours weighed as the store weighs them, told apart by where they are told.
      else for (const x of a.rumours) Object.assign(x, this.weighedAt(r.id, x) ?? {});
    }
    type Row = { article_id: number; json: string };
    // Players, rumours, fees and quotes are kept only when a name of theirs shares a word with the
    // query: only they can be him (the story then matches finely).
    for (const p of all<{ article_id: number; name: string; aliases: string; club: string | null }>(
      `SELECT article_id, name, aliases, club FROM players WHERE article_id IN (${cands}) AND ${sharesWord('words')}`,
    )) {
      fromRows.get(p.article_id)?.players.push({ name: p.name, aliases: JSON.parse(p.aliases) as string[], club: p.club });
    }
    const weighed = this.weighed();
    for (const r of all<Row & { rowid: number }>(`SELECT rowid, article_id, json FROM rumours WHERE article_id IN (${cands}) AND json IS NOT NULL AND ${mayShareWord('player_words')}`)) {
      const w = weighed.get(r.rowid);
      fromRows.get(r.article_id)?.rumours.push({ ...(JSON.parse(r.json) as Rumour), ...w });
    }
    const maybeHim = mayName(query);
    for (const f of all<Row & { player: string }>(
      `SELECT article_id, player, json FROM fees WHERE article_id IN (${cands}) AND json IS NOT NULL AND player IS NOT NULL AND ${mayShareWord('player_words')}`,
    )) {
      if (maybeHim(f.player)) fromRows.get(f.article_id)?.fees.push(JSON.parse(f.json) as Fee);
    }
    // Quotes by a speaker who may be him, or whose text or sentence has a word of the query.
    for (const q of all<Row>(
      `SELECT article_id, json FROM quotes WHERE id IN (SELECT rowid FROM quote_text WHERE quote_text MATCH @fts) AND article_id IN (${cands}) AND json IS NOT NULL
       UNION SELECT article_id, json FROM quotes WHERE article_id IN (${cands}) AND json IS NOT NULL AND ${sharesWord('speaker_words')}`,
    )) {
      fromRows.get(q.article_id)?.quotes.push(JSON.parse(q.json) as Quote);
    }
    // The name each article was given on the command line, as its facts carry it.
    for (const a of fromRows.values()) a.file = [...a.rumours, ...a.fees, ...a.quotes][0]?.evidence.file ?? a.file;
    return { articles: [...byId.values()], stale: byId.size - fromRows.size };
  }

  /** Every player name in the store, for "closest names" when nothing matches. */
  playerNames(): string[] {
    return (this.db.prepare('SELECT DISTINCT name FROM players').all() as Array<{ name: string }>).map((r) => r.name);
  }

  /** Stored files (absolute paths) whose articles an older extractor read (all of them with `all`). */
  staleFiles(all = false): string[] {
    const sql = all ? 'SELECT path FROM articles ORDER BY path' : 'SELECT path FROM articles WHERE extractor < ? ORDER BY path';
    const rows = (all ? this.db.prepare(sql).all() : this.db.prepare(sql).all(EXTRACTOR_VERSION)) as Array<{ path: string }>;
    return rows.map((r) => r.path);
  }

  private _weighed: Map<number, Weighed> | null = null;

  /**
   * Every stored rumour's likelihood (by row id) as it stood on its article's date, weighed from the
   * articles stored dated on or before it (src/weigh): made once per query.
   */
  weighed(): Map<number, Weighed> {
    if (this._weighed) return this._weighed;
    const w = new Weigher();
    const stored = this.weighFacts();
    const reports = w.know(stored.map((f) => f.facts));
    const all = w.weighAll();
    const out = new Map<number, Weighed>();
    stored.forEach(({ rowids }, a) => {
      reports[a]?.forEach((r, i) => {
        const id = rowids[i];
        const weighed = all.get(r);
        if (id !== undefined && weighed) out.set(id, weighed);
      });
    });
    this._weighed = out;
    return out;
  }

  /** A stored article's rumour's likelihood, by the article's id and the rumour's place and move. */
  weighedAt(articleId: number, r: Pick<Rumour, 'player' | 'to'> & { evidence: { start: number } }): Weighed | undefined {
    const weighed = this.weighed();
    const stored = this.weighFacts().find((f) => f.id === articleId);
    const i = stored?.facts.rumours.findIndex((x) => x.player === r.player && x.to === r.to && (x as Rumour).evidence.start === r.evidence.start) ?? -1;
    const id = i < 0 ? undefined : stored?.rowids[i];
    return id === undefined ? undefined : weighed.get(id);
  }

  private _facts: Array<{ id: number; facts: ArticleFacts & { hash: string }; rowids: number[] }> | null = null;

  /** Every stored article as weighing reads it (rumours, quotes' speakers, players), with its rumours' row ids. */
  weighFacts(): Array<{ id: number; facts: ArticleFacts & { hash: string }; rowids: number[] }> {
    if (this._facts) return this._facts;
    const byId = new Map<number, { id: number; facts: ArticleFacts & { hash: string; rumours: Rumour[]; speakers: Array<string | null>; players: string[] }; rowids: number[] }>();
    for (const a of this.db.prepare('SELECT id, hash, date, path FROM articles ORDER BY id').all() as Array<{ id: number; hash: string; date: string | null; path: string }>) {
      byId.set(a.id, { id: a.id, facts: { file: a.path, date: a.date, hash: a.hash, rumours: [], speakers: [], players: [] }, rowids: [] });
    }
    const rows = this.db
      .prepare(
        `SELECT r.rowid AS rowid, r.article_id AS id, a.date, a.path AS file, r.json, r.player, r.from_club, r.to_club, r.status, r.window, r.fee_amount, r.fee_currency,
          r.fee_text, r.source, r.line, r.start, r.end FROM rumours r JOIN articles a ON a.id = r.article_id ORDER BY r.rowid`,
      )
      .all() as _RumourRow[];
    const stale = new Set<number>();
    for (const row of rows) {
      const a = byId.get(row.id);
      a?.facts.rumours.push(_rumourOf(row));
      a?.rowids.push(row.rowid);
      if (row.json === null) stale.add(row.id);
    }
    // Rumour rows an older rumours stored keep no sentence, which weighing reads: it is in the article's JSON.
    const articleJson = this.db.prepare('SELECT json FROM articles WHERE id = ?');
    for (const id of stale) {
      const a = byId.get(id);
      const json = (articleJson.get(id) as { json: Buffer } | undefined)?.json;
      if (!a || !json) continue;
      const whole = _unpack(json).rumours;
      for (const r of a.facts.rumours) r.evidence.sentence ||= whole.find((w) => w.evidence.start === r.evidence.start && w.to === r.to)?.evidence.sentence ?? '';
    }
    for (const q of this.db.prepare('SELECT article_id, speaker FROM quotes').all() as Array<{ article_id: number; speaker: string | null }>) byId.get(q.article_id)?.facts.speakers.push(q.speaker);
    for (const p of this.db.prepare('SELECT article_id, name FROM players').all() as Array<{ article_id: number; name: string }>) byId.get(p.article_id)?.facts.players.push(p.name);
    this._facts = [...byId.values()];
    return this._facts;
  }

  /**
   * Rumours, oldest article first (undated last), filtered in SQL on clubs, stages and dates, each as
   * the article gave it (the shape `extract` prints), its fee also in `currency`.
   */
  rumours(filter: RumourFilter = {}, currency: Currency = DEFAULT_CURRENCY): DatedRumour[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.clubs && filter.clubs.length > 0) {
      const marks = filter.clubs.map(() => '?').join(',');
      where.push(`(r.to_club IN (${marks}) OR r.from_club IN (${marks}))`);
      args.push(...filter.clubs, ...filter.clubs);
    }
    if (filter.statuses && filter.statuses.length > 0) {
      where.push(`r.status IN (${filter.statuses.map(() => '?').join(',')})`);
      args.push(...filter.statuses);
    }
    if (filter.since) {
      where.push('a.date >= ?');
      args.push(filter.since);
    }
    if (filter.until) {
      where.push('a.date <= ?');
      args.push(filter.until);
    }
    if (filter.asOf) {
      where.push('a.date IS NOT NULL AND a.date <= ?');
      args.push(filter.asOf);
    }
    const weighed = this.weighed();
    const sql = `SELECT r.rowid AS rowid, r.article_id AS id, a.date, a.path AS file, r.json, r.player, r.from_club, r.to_club, r.status, r.window, r.fee_amount, r.fee_currency,
        r.fee_text, r.source, r.line, r.start, r.end
      FROM rumours r JOIN articles a ON a.id = r.article_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.date IS NULL, a.date, a.path, r.start`;
    const feesOf = this._st('SELECT json FROM fees WHERE article_id = ? AND json IS NOT NULL AND amount IS NOT NULL');
    const twins = new Map<number, FeeLike[]>();
    return (this.db.prepare(sql).all(...args) as _RumourRow[]).map((row) => {
      const r = _rumourOf(row);
      let fees = twins.get(row.id);
      if (r.fee && !fees) {
        fees = (feesOf.all(row.id) as Array<{ json: string }>).map((f) => JSON.parse(f.json) as Fee);
        twins.set(row.id, fees);
      }
      const w = weighed.get(row.rowid) ?? { likelihood: 0, reasons: [] };
      return { ...r, fee: convertRumourFee(r.fee, fees ?? [], row.date, currency), likelihood: w.likelihood, reasons: w.reasons, date: row.date, file: row.file };
    });
  }

  /** Articles and quotes whose words match every word of the text, best first. */
  search(text: string, limit: number): SearchHit[] {
    const match = ftsQuery(text);
    if (match === '') return [];
    const articles = this.db
      .prepare(
        `SELECT a.path AS file, a.date, a.title, snippet(article_text, 1, '', '', '…', 20) AS text FROM article_text
         JOIN articles a ON a.id = article_text.rowid WHERE article_text MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(match, limit) as Array<Omit<SearchHit, 'kind' | 'speaker'>>;
    const quotes = this.db
      .prepare(
        `SELECT a.path AS file, a.date, a.title, q.speaker, quote_text.sentence AS text FROM quote_text
         JOIN quotes q ON q.id = quote_text.rowid JOIN articles a ON a.id = q.article_id WHERE quote_text MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(match, limit) as Array<Omit<SearchHit, 'kind'>>;
    return [...articles.map((h) => ({ kind: 'article' as const, speaker: null, ...h })), ...quotes.map((h) => ({ kind: 'quote' as const, ...h }))];
  }

  stats(): StoreStats {
    const one = (sql: string, ...args: unknown[]) => this.db.prepare(sql).get(...args) as Record<string, number | string | null>;
    const a = one('SELECT count(*) AS n, coalesce(sum(bytes), 0) AS bytes, min(date) AS first, max(date) AS latest, sum(extractor < ?) AS stale FROM articles', EXTRACTOR_VERSION);
    let bytes = 0;
    for (const suffix of ['', '-wal']) {
      try {
        bytes += statSync(this.path + suffix).size;
      } catch {
        // no WAL file: nothing to add
      }
    }
    return {
      schema: SCHEMA_IDS.stats,
      path: this.path,
      bytes,
      storeVersion: SCHEMA_VERSION,
      extractor: EXTRACTOR_VERSION,
      articles: Number(a.n),
      stale: Number(a.stale ?? 0),
      textBytes: Number(a.bytes),
      players: Number(one('SELECT count(DISTINCT key) AS n FROM players').n),
      clubs: Number(one('SELECT count(DISTINCT name) AS n FROM clubs').n),
      rumours: Number(one('SELECT count(*) AS n FROM rumours').n),
      fees: Number(one('SELECT count(*) AS n FROM fees').n),
      quotes: Number(one('SELECT count(*) AS n FROM quotes').n),
      firstDate: (a.first as string | null) ?? null,
      latestDate: (a.latest as string | null) ?? null,
    };
  }

  /** Is every stored article whole? Its JSON and its rows agree. For tests and `stats --check`. */
  consistent(): { ok: boolean; problems: string[] } {
    const problems: string[] = [];
    const integrity = this.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const rows = this.db.prepare('SELECT id, path, json FROM articles').all() as Array<{ id: number; path: string; json: Buffer }>;
    const count = (table: string, id: number) => (this.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE article_id = ?`).get(id) as { n: number }).n;
    for (const r of rows) {
      const a = _unpack(r.json);
      const want: Array<[string, number]> = [
        ['players', a.players.length],
        ['clubs', a.clubs.length],
        ['rumours', a.rumours.length],
        ['fees', a.fees.length],
        ['quotes', a.quotes.length],
        ['people', a.people.length],
        ['sources', a.sources.length],
      ];
      for (const [table, n] of want) if (count(table, r.id) !== n) problems.push(`${r.path}: ${table} rows ${count(table, r.id)} != ${n}`);
      if (!this.db.prepare('SELECT 1 FROM article_text WHERE rowid = ?').get(r.id)) problems.push(`${r.path}: no text`);
    }
    const orphans = this.db.prepare('SELECT count(*) AS n FROM article_text WHERE rowid NOT IN (SELECT id FROM articles)').get() as { n: number };
    if (orphans.n > 0) problems.push(`${orphans.n} texts without an article`);
    return { ok: problems.length === 0, problems };
  }
}

/**
 * Open (creating and migrating as needed) the store at this path; with `readonly`, for queries. A
 * query on a store of an older schema has it upgraded first, when it can be written.
 */
export function openStore(file: string, opts: StoreOptions = {}): Store {
  if (!opts.readonly) return new Store(file);
  try {
    return new Store(file, opts);
  } catch (err) {
    if (!(err instanceof _OldSchema)) throw err;
    new Store(file).close();
    return new Store(file, opts);
  }
}

/**
 * A store opened for reading only. In WAL mode SQLite needs the `-shm` file beside it; in a folder
 * this user may not write, where none is left (no one has the store open), it cannot be made and
 * the open fails. The store is then read from a copy in memory, marked as not in WAL mode (a copy
 * is not): with no one writing, the file is the whole store.
 */
function _openReadOnly(file: string): BetterSqlite3.Database {
  const db = new Database(file, { timeout: _BUSY_MS, readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
    return db;
  } catch (err) {
    db.close();
    const code = String((err as { code?: string }).code);
    if (!code.startsWith('SQLITE_CANTOPEN') && !code.startsWith('SQLITE_READONLY')) throw err;
  }
  const bytes = readFileSync(file);
  // Bytes 18 and 19 of the header: 2 for WAL, 1 for a rollback journal.
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20);
  return new Database(bytes, { readonly: true });
}

/** What went wrong with the store, in words, the store named first. */
export function storeProblem(file: string, err: unknown): string {
  if (err instanceof StoreError) return err.message;
  const code = String((err as { code?: string })?.code ?? '');
  const msg = (err as Error)?.message ?? String(err);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return `${file}: the store is damaged (${msg}): move it aside and run again (a new store is made and the articles are read again)`;
  }
  if (code.startsWith('SQLITE_FULL')) return `${file}: the disk is full (${msg})`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return `${file}: the store is locked by another process (${msg}); try again when it has finished`;
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) return `${file}: cannot write to the store (${msg})`;
  return `${file}: cannot use the store (${msg})`;
}

/** Words of the text as an FTS5 query that means "all of these words", whatever the punctuation. */
export function ftsQuery(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .slice(0, 32)
    .map((w) => `"${w}"`)
    .join(' ');
}

/**
 * Is this a store rumours may use, and at what schema? Read before anything is written: an empty
 * database (a new store), one with the store's mark, or one from before the mark that is plainly a
 * rumours store. Anything else (another program's database, a negative version) is refused.
 */
function _vet(db: BetterSqlite3.Database, file: string): number {
  let id: number;
  let version: number;
  let tables: Set<string>;
  try {
    id = Number(db.pragma('application_id', { simple: true }));
    version = Number(db.pragma('user_version', { simple: true }));
    tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new StoreError(`${file}: not a rumours store (not a database at all); rumours writes only to its own stores: use another --db`);
    throw err;
  }
  const empty = id === 0 && version === 0 && tables.size === 0;
  const ours = id === APPLICATION_ID || (id === 0 && version > 0 && tables.has('articles') && tables.has('player_names'));
  if (!empty && !ours) {
    throw new StoreError(`${file}: not a rumours store (a database of another program); rumours writes only to an empty file or its own store: use another --db`);
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      `${file}: this store was written by a newer rumours (store schema ${version}; this rumours reads up to ${SCHEMA_VERSION}): upgrade rumours, or use another store with --db`,
    );
  }
  if (version < 0 || (version > 0 && !tables.has('articles'))) {
    throw new StoreError(`${file}: the store is damaged (schema version ${version}${tables.has('articles') ? '' : ', no articles table'}): move it aside and run again (a new store is made and the articles are read again)`);
  }
  return version;
}

/**
 * Bring the store to the current schema, all steps in one transaction: a step that fails leaves the
 * store as it was, at its old version, still readable by the rumours that wrote it.
 */
function _migrate(db: BetterSqlite3.Database, file: string, version: number): void {
  if (version === SCHEMA_VERSION && Number(db.pragma('application_id', { simple: true })) === APPLICATION_ID) return;
  try {
    db.transaction(() => {
      // Another process may have migrated it meanwhile: the version is read again inside the transaction.
      const now = Number(db.pragma('user_version', { simple: true }));
      for (let v = now; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${Math.max(now, SCHEMA_VERSION)}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  } catch (err) {
    throw new StoreError(`${file}: cannot upgrade the store from schema ${version} to ${SCHEMA_VERSION} (${(err as Error).message}); it is left as it was`);
  }
}

/** Files are stored by absolute path: the same file named from another folder is the same article. */
function _key(file: string): string {
  return path.resolve(file);
}

/** The stored article as this run names its file (evidence included), when it was stored under another spelling. */
function _asGiven(a: Article, file: string): Article {
  if (a.file === file) return a;
  const fix = <T extends { evidence: { file: string } }>(xs: T[]): T[] => xs.map((x) => ({ ...x, evidence: { ...x.evidence, file } }));
  return {
    ...a,
    file,
    players: fix(a.players),
    people: fix(a.people),
    clubs: fix(a.clubs),
    fees: fix(a.fees),
    quotes: fix(a.quotes),
    sources: fix(a.sources),
    rumours: fix(a.rumours),
  };
}

function _unpack(json: Buffer): Article {
  return JSON.parse(inflateRawSync(json).toString('utf8')) as Article;
}
