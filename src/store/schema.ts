// The store's tables and their migrations. `PRAGMA user_version` holds how many migrations a database
// has had; each migration runs once, in order, in its own transaction.

/**
 * Bump when the extractor's output changes in a way worth re-reading old articles for: articles stored
 * by an older extractor are re-extracted by `extract` when met again, and by `rumours reindex`.
 * 2: evidence gained its line.
 */
export const EXTRACTOR_VERSION = 2;

/**
 * The store's mark in the database header (`PRAGMA application_id`, "RUMR"): rumours writes only to
 * a file that is empty or carries it (or, from before the mark, is plainly a rumours store).
 */
export const APPLICATION_ID = 0x52554d52;

/** Migrations, oldest first; the schema version of a database is how many of them it has had. */
export const MIGRATIONS: readonly string[] = [
  // 1: articles (Article JSON, deflated) and the facts as rows for queries; full text over text and quotes.
  `
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    date TEXT,
    title TEXT,
    extractor INTEGER NOT NULL,
    stored_at TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    json BLOB NOT NULL
  );
  CREATE INDEX articles_hash ON articles(hash);
  CREATE INDEX articles_date ON articles(date);
  -- Every run of words of every name a player goes by, folded ("alexismacallister", "macallister",
  -- "allister", "alexis"...): the articles that may name him, found without reading any JSON.
  CREATE TABLE player_names (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    PRIMARY KEY (key, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX player_names_article ON player_names(article_id);
  CREATE TABLE players (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    club TEXT,
    mentions INTEGER NOT NULL
  );
  CREATE INDEX players_article ON players(article_id);
  CREATE TABLE clubs (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL
  );
  CREATE INDEX clubs_article ON clubs(article_id);
  CREATE TABLE rumours (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    player TEXT NOT NULL,
    from_club TEXT,
    to_club TEXT NOT NULL,
    status TEXT NOT NULL,
    window TEXT,
    fee_amount REAL,
    fee_currency TEXT,
    fee_text TEXT,
    source TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
  );
  CREATE INDEX rumours_article ON rumours(article_id);
  CREATE INDEX rumours_to ON rumours(to_club);
  CREATE INDEX rumours_from ON rumours(from_club);
  CREATE TABLE fees (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    player TEXT,
    kind TEXT NOT NULL,
    amount REAL,
    currency TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
  );
  CREATE INDEX fees_article ON fees(article_id);
  CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
  );
  CREATE INDEX quotes_article ON quotes(article_id);
  CREATE TABLE people (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    club TEXT
  );
  CREATE INDEX people_article ON people(article_id);
  CREATE TABLE sources (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
  );
  CREATE INDEX sources_article ON sources(article_id);
  -- Full text: rowid = articles.id, and rowid = quotes.id with the quote's sentence beside it.
  CREATE VIRTUAL TABLE article_text USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
  CREATE VIRTUAL TABLE quote_text USING fts5(text, sentence, tokenize = 'unicode61 remove_diacritics 2');
  `,
  // 2: what a player's story is told from without reading whole articles: each rumour, fee and quote
  // as its JSON, the players' other names, the folded words of players' and speakers' names (' steven
  // gerrard '), and the line a rumour starts on (for `file:line`). Rows stored before have nulls;
  // extractor 2 fills them (`rumours reindex`).
  `
  ALTER TABLE rumours ADD COLUMN line INTEGER;
  ALTER TABLE rumours ADD COLUMN json TEXT;
  ALTER TABLE fees ADD COLUMN json TEXT;
  ALTER TABLE quotes ADD COLUMN json TEXT;
  ALTER TABLE quotes ADD COLUMN speaker_words TEXT;
  ALTER TABLE players ADD COLUMN aliases TEXT;
  ALTER TABLE players ADD COLUMN words TEXT;
  `,
  // 3: the folded words of the player a rumour or a fee is about (' mohamed salah '), so that a
  // story reads only the rows that may be his. Rows stored before have nulls and are always read.
  `
  ALTER TABLE rumours ADD COLUMN player_words TEXT;
  ALTER TABLE fees ADD COLUMN player_words TEXT;
  `,
  // 4: indexes that hold all a story reads of articles and players, so that it reads them without
  // visiting their rows: an article's row holds its whole JSON, and a player's lies a page away from
  // its index entry (Gerrard's 1,487 articles: 50 ms → 10, and 40 ms → 10, read cold).
  `
  CREATE INDEX articles_story ON articles(id, extractor, date, path);
  CREATE INDEX players_story ON players(article_id, words, name, aliases, club);
  `,
  // 5: an article's warnings beside its JSON, so that an unchanged article can be printed as JSON
  // Lines straight from the JSON, without reading it (see Store.cachedAs). Rows stored before
  // have null and are read whole.
  `
  ALTER TABLE articles ADD COLUMN warnings TEXT;
  `,
  // 6: an article's JSON carries every fee also in euros (\`converted\`), as JSON Lines prints it:
  // articles stored before lack it, and lose the shortcut (null warnings) to be read whole.
  `
  UPDATE articles SET warnings = NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
