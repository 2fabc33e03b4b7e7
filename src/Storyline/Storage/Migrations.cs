namespace Storyline.Storage;

/// <summary>
/// The database schema as forward-only migrations: migration <c>i</c> takes <c>PRAGMA user_version</c>
/// from <c>i</c> to <c>i + 1</c>. Never edit a released step; append a new one.
/// </summary>
internal static class Migrations
{
    public static readonly string[] Steps =
    [
        """
        CREATE TABLE outlets (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );

        CREATE TABLE articles (
            id                 INTEGER PRIMARY KEY,
            external_id        TEXT NOT NULL,
            source             TEXT NOT NULL,
            url                TEXT,
            outlet_id          INTEGER REFERENCES outlets(id),
            title              TEXT,
            published          TEXT,
            published_utc      TEXT,
            published_raw      TEXT,
            authors            TEXT NOT NULL DEFAULT '[]',
            language           TEXT,
            syndication_origin TEXT,
            text               TEXT NOT NULL,
            content_hash       TEXT NOT NULL UNIQUE,
            metadata           TEXT NOT NULL DEFAULT '{}',
            ingested_at        TEXT NOT NULL
        );
        CREATE UNIQUE INDEX articles_outlet_external ON articles(outlet_id, external_id) WHERE outlet_id IS NOT NULL;
        CREATE INDEX articles_published ON articles(published_utc);

        CREATE TABLE stories (
            id            INTEGER PRIMARY KEY,
            title         TEXT,
            first_seen    TEXT,
            last_updated  TEXT,
            article_count INTEGER NOT NULL DEFAULT 0,
            created_at    TEXT NOT NULL
        );
        CREATE INDEX stories_last_updated ON stories(last_updated);

        CREATE TABLE story_articles (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            story_id   INTEGER NOT NULL REFERENCES stories(id),
            similarity REAL NOT NULL
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);

        CREATE TABLE term_stats (
            term TEXT PRIMARY KEY,
            df   INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        """,
        """
        ALTER TABLE articles ADD COLUMN copy_of INTEGER REFERENCES articles(id);
        ALTER TABLE articles ADD COLUMN copy_similarity REAL;
        CREATE INDEX articles_copy_of ON articles(copy_of) WHERE copy_of IS NOT NULL;

        CREATE TABLE article_signatures (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            shingles   INTEGER NOT NULL,
            signature  BLOB NOT NULL
        );

        CREATE TABLE article_aliases (
            article_id  INTEGER NOT NULL REFERENCES articles(id),
            outlet      TEXT,
            external_id TEXT NOT NULL,
            url         TEXT,
            source      TEXT NOT NULL
        );
        CREATE UNIQUE INDEX article_aliases_identity ON article_aliases(article_id, coalesce(outlet, ''), external_id, coalesce(url, ''));
        """,
        """
        CREATE TABLE article_entities (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            type       TEXT NOT NULL,
            start      INTEGER NOT NULL,
            end        INTEGER NOT NULL,
            text       TEXT NOT NULL,
            canonical  TEXT NOT NULL
        );
        CREATE INDEX article_entities_article ON article_entities(article_id);
        CREATE INDEX article_entities_canonical ON article_entities(canonical);

        CREATE TABLE article_sources (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            name       TEXT NOT NULL,
            start      INTEGER NOT NULL,
            end        INTEGER NOT NULL,
            cue        TEXT NOT NULL
        );
        CREATE INDEX article_sources_article ON article_sources(article_id);
        """,
        """
        CREATE TABLE article_quotes (
            article_id    INTEGER NOT NULL REFERENCES articles(id),
            start         INTEGER NOT NULL,
            end           INTEGER NOT NULL,
            text          TEXT NOT NULL,
            cue           TEXT,
            speaker       TEXT,
            speaker_start INTEGER,
            speaker_end   INTEGER,
            direct        INTEGER NOT NULL
        );
        CREATE INDEX article_quotes_article ON article_quotes(article_id);
        """,
        """
        -- One row per name an article mentions (not per mention): half the rows, clustered by article, with
        -- every mention kept as offsets into the article's text ("start-end start-end …").
        CREATE TABLE article_names (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            type       TEXT NOT NULL,
            canonical  TEXT NOT NULL,
            mentions   INTEGER NOT NULL,
            spans      TEXT NOT NULL,
            PRIMARY KEY (article_id, type, canonical)
        ) WITHOUT ROWID;
        INSERT INTO article_names (article_id, type, canonical, mentions, spans)
            SELECT article_id, type, canonical, count(*), group_concat(start || '-' || end, ' ')
            FROM (SELECT * FROM article_entities ORDER BY article_id, start)
            GROUP BY article_id, type, canonical;
        DROP TABLE article_entities;
        CREATE INDEX article_names_canonical ON article_names(canonical);
        """,
        """
        -- The full-text index is no longer written row by row inside ingest's transactions (a third of the store's
        -- time): SqliteStoryStore.IndexPendingText adds the articles after the watermark in bulk, and search catches
        -- up first. Rows after the watermark were never indexed, so deleting or updating them must not touch it.
        DROP TRIGGER articles_fts_insert;
        DROP TRIGGER articles_fts_delete;
        DROP TRIGGER articles_fts_update;
        INSERT OR REPLACE INTO settings (key, value) VALUES ('fts_indexed_through', (SELECT coalesce(max(id), 0) FROM articles));
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
            WHEN old.id <= (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'fts_indexed_through') BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
            WHEN old.id <= (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'fts_indexed_through') BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        """,
        """
        -- No query looks names up by themselves (a story's names are read by article), and keeping this index
        -- sorted by name cost ingest a fifth of its storing time (random inserts, 30-odd names an article).
        DROP INDEX article_names_canonical;
        """,
        CleanOutletNames(),
        """
        -- The time grouping put an article at, and the later of an undated article's two possible times: restoring a
        -- story for a later ingest gives an undated member the span it had, as grouping everything at once would.
        -- Null for rows grouped before this version (their undated members are restored without a time, as before).
        ALTER TABLE story_articles ADD COLUMN placed_at TEXT;
        ALTER TABLE story_articles ADD COLUMN placed_until TEXT;
        """,
        """
        -- The full-text index gathers a transaction's postings in memory and writes them out as a new segment each time
        -- they pass 'hashsize' (default 1 MB); a batch of the indexer (~10 MB of text) then made a dozen small segments
        -- for later merges to rewrite. At 16 MB a batch is about one segment: indexing 37k articles took 7.2 -> 5.4 s.
        INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);
        """,
        """
        -- A story a regrouping took apart and did not form again under its id: where most of its articles went, so that
        -- its id still leads somewhere. Kept one hop deep (an alias to a story that goes too is moved on).
        CREATE TABLE story_aliases (
            old_id   INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL
        );
        """,
        """
        -- Migration 12 (feeds): subscriptions with their polling state, and the entries taken in from each feed, by
        -- identity (guid/id, else link, else hash of title and content) with their link and content hash, so that a
        -- feed that changes or reuses guids neither duplicates nor drops articles, and an edit is noticed.
        CREATE TABLE feeds (
            id                 INTEGER PRIMARY KEY,
            url                TEXT NOT NULL UNIQUE,
            title              TEXT,
            site_url           TEXT,
            added_at           TEXT NOT NULL,
            last_fetch         TEXT,
            last_status        INTEGER,
            last_error         TEXT,
            etag               TEXT,
            last_modified      TEXT,
            body_hash          TEXT,
            next_due           TEXT NOT NULL,
            consecutive_errors INTEGER NOT NULL DEFAULT 0,
            interval_seconds   INTEGER,
            articles_stored    INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX feeds_next_due ON feeds(next_due);

        CREATE TABLE feed_entries (
            feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            entry_key    TEXT NOT NULL,
            link         TEXT,
            content_hash TEXT NOT NULL,
            external_id  TEXT NOT NULL,
            first_seen   TEXT NOT NULL,
            last_seen    TEXT NOT NULL,
            PRIMARY KEY (feed_id, entry_key)
        ) WITHOUT ROWID;
        CREATE INDEX feed_entries_link ON feed_entries(feed_id, link) WHERE link IS NOT NULL;
        CREATE INDEX feed_entries_hash ON feed_entries(feed_id, content_hash);
        """,
        """
        -- Migration 13, the web reader's portal: accounts (password hashes by ASP.NET Core Identity's PasswordHasher; API
        -- tokens only as SHA-256 hashes), article views and reactions counted per browser, contributors' posts as written.
        -- An index on articles' external ids: the reader's /articles/{id} looks them up by it.
        CREATE TABLE users (
            id            INTEGER PRIMARY KEY,
            name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT,
            is_admin      INTEGER NOT NULL DEFAULT 0,
            created_at    TEXT NOT NULL
        );
        CREATE TABLE user_tokens (
            token_hash TEXT PRIMARY KEY,
            user_id    INTEGER NOT NULL REFERENCES users(id),
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX user_tokens_user ON user_tokens(user_id);
        CREATE TABLE article_views (
            article_id INTEGER PRIMARY KEY,
            views      INTEGER NOT NULL
        );
        CREATE TABLE view_marks (
            article_id INTEGER NOT NULL,
            browser    TEXT NOT NULL,
            seen_at    TEXT NOT NULL,
            PRIMARY KEY (article_id, browser)
        ) WITHOUT ROWID;
        CREATE TABLE reactions (
            article_id INTEGER NOT NULL,
            browser    TEXT NOT NULL,
            reaction   TEXT NOT NULL,
            reacted_at TEXT NOT NULL,
            PRIMARY KEY (article_id, browser)
        ) WITHOUT ROWID;
        CREATE TABLE posts (
            id          INTEGER PRIMARY KEY,
            user_id     INTEGER NOT NULL REFERENCES users(id),
            external_id TEXT NOT NULL UNIQUE,
            title       TEXT NOT NULL,
            markdown    TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        );
        CREATE INDEX articles_external ON articles(external_id);
        """,
    ];

    /// <summary>
    /// Migration 8: outlet names stored with backslash escapes ("Law360 \(subscription\)") are cleaned as ingest now
    /// cleans them (<see cref="Extraction.OutletName"/>), so that re-ingesting finds them again. An escaped name whose
    /// clean form is already an outlet (or is shared by several escaped ones) is merged into that outlet; where a merge
    /// would make two articles of one outlet share an id, that article keeps its old outlet, which keeps its old name.
    /// </summary>
    private static string CleanOutletNames() => $"""
        CREATE TEMP TABLE outlet_clean AS
            SELECT id, {Extraction.OutletName.SqlExpression("name")} AS clean FROM outlets WHERE instr(name, char(92)) > 0;
        DELETE FROM outlet_clean WHERE clean = (SELECT name FROM outlets WHERE outlets.id = outlet_clean.id);
        CREATE TEMP TABLE outlet_target AS
            SELECT c.id, c.clean, coalesce((SELECT o.id FROM outlets o WHERE o.name = c.clean), (SELECT min(d.id) FROM outlet_clean d WHERE d.clean = c.clean)) AS target
            FROM outlet_clean c;
        UPDATE OR IGNORE articles SET outlet_id = (SELECT t.target FROM outlet_target t WHERE t.id = articles.outlet_id)
            WHERE outlet_id IN (SELECT id FROM outlet_target WHERE target <> id);
        DELETE FROM outlets WHERE id IN (SELECT id FROM outlet_target WHERE target <> id)
            AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.outlet_id = outlets.id);
        UPDATE outlets SET name = (SELECT t.clean FROM outlet_target t WHERE t.id = outlets.id)
            WHERE id IN (SELECT id FROM outlet_target WHERE target = id);
        UPDATE OR IGNORE article_aliases SET outlet = {Extraction.OutletName.SqlExpression("outlet")} WHERE instr(outlet, char(92)) > 0;
        DROP TABLE outlet_target;
        DROP TABLE outlet_clean;
        """;

    /// <summary>The schema version a fully migrated database has.</summary>
    public static int LatestVersion => Steps.Length;
}
