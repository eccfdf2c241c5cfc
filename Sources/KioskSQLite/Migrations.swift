import Foundation
import GRDB
import KioskCore
import KioskStore

/// The schema's history. A shipped migration never changes; a change to the schema is a new one.
enum Migrations {
    /// The migrator that brings any Kiosk database up to date.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 publication") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2 feeds and robots settings") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3 full-text search") { db in
            try db.execute(sql: v3)
            try SearchIndex.rebuild(db)
        }
        migrator.registerMigration("v4 newsroom") { db in
            try db.execute(sql: v4)
            try db.execute(sql: "INSERT INTO site_secret (id, value) VALUES (1, ?)", arguments: [Data(SecureRandom.bytes(count: 32))])
        }
        migrator.registerMigration("v5 integration tokens") { db in
            try db.execute(sql: v5)
        }
        migrator.registerMigration("v6 newsletters") { db in
            try db.execute(sql: v6)
        }
        migrator.registerMigration("v7 mail server in settings") { db in
            try db.execute(sql: "ALTER TABLE site_settings ADD COLUMN smtp_url TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v8 shared generation and round-up key") { db in
            try db.execute(sql: v8)
        }
        migrator.registerMigration("v9 several nodes: media bytes and delivery leases") { db in
            try db.execute(sql: v9)
        }
        migrator.registerMigration("v10 public address chosen at setup") { db in
            try db.execute(sql: "ALTER TABLE site_settings ADD COLUMN public_url TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v11 two-step sign-in") { db in
            try db.execute(sql: v11)
        }
        migrator.registerMigration("v12 session activity and suspended accounts") { db in
            try db.execute(sql: v12)
        }
        migrator.registerMigration("v13 pages") { db in
            try db.execute(sql: v13)
        }
        migrator.registerMigration("v14 import ledger and old addresses") { db in
            try db.execute(sql: v14)
        }
        migrator.registerMigration("v15 import jobs") { db in
            try db.execute(sql: v15)
        }
        migrator.registerMigration("v16 image renditions") { db in
            try db.execute(sql: v16)
        }
        return migrator
    }

    /// Each image's focal point and the state of its renditions (the plan asked for, the plan made,
    /// why making failed, which node is making it until when); and the renditions' files.
    private static let v16 = """
        ALTER TABLE media ADD COLUMN focus_x REAL NOT NULL DEFAULT 0.5 CHECK (focus_x BETWEEN 0 AND 1);
        ALTER TABLE media ADD COLUMN focus_y REAL NOT NULL DEFAULT 0.5 CHECK (focus_y BETWEEN 0 AND 1);
        ALTER TABLE media ADD COLUMN renditions_wanted TEXT;
        ALTER TABLE media ADD COLUMN renditions_made TEXT;
        ALTER TABLE media ADD COLUMN renditions_error TEXT;
        ALTER TABLE media ADD COLUMN renditions_node TEXT;
        ALTER TABLE media ADD COLUMN renditions_lease_until DATETIME;
        CREATE INDEX media_renditions_to_make ON media(id)
            WHERE renditions_wanted IS NOT NULL AND renditions_wanted IS NOT renditions_made AND renditions_error IS NULL;
        CREATE TABLE media_rendition (
            name TEXT PRIMARY KEY,
            media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
            content_type TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            bytes BLOB NOT NULL
        );
        CREATE INDEX media_rendition_by_media ON media_rendition(media_id);
        """

    /// Archive imports asked for in the newsroom, with their uploaded files in parts, for one node to run.
    private static let v15 = """
        CREATE TABLE import_job (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL CHECK (platform IN ('wordpress', 'ghost', 'substack')),
            file_name TEXT NOT NULL,
            bytes INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL CHECK (status IN ('uploading', 'queued', 'running', 'finished', 'failed')),
            progress TEXT NOT NULL DEFAULT '',
            report TEXT NOT NULL DEFAULT '',
            requested_by INTEGER NOT NULL,
            created_at DATETIME NOT NULL,
            finished_at DATETIME,
            node_id TEXT,
            lease_until DATETIME
        );
        CREATE INDEX import_job_by_status ON import_job(status, id);

        CREATE TABLE import_job_part (
            job_id INTEGER NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            bytes BLOB NOT NULL,
            PRIMARY KEY (job_id, number)
        ) WITHOUT ROWID;
        """

    /// Which item of an archive became which record, so an import runs once however often it is
    /// started; and the addresses imported stories and pages had before, which redirect to them.
    private static let v14 = """
        CREATE TABLE import_ledger (
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            external_id TEXT NOT NULL,
            target_id INTEGER NOT NULL,
            imported_at DATETIME NOT NULL,
            PRIMARY KEY (source, kind, external_id)
        ) WITHOUT ROWID;

        CREATE TABLE old_address (
            path TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('article', 'page')),
            target_id INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX old_address_by_target ON old_address(kind, target_id);
        """

    /// Standing pages at the site's root and their revisions; old page slugs redirect like the others.
    private static let v13 = """
        CREATE TABLE page (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL CHECK (length(title) > 0),
            status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
            top_media_id INTEGER REFERENCES media(id),
            placement TEXT NOT NULL CHECK (placement IN ('none', 'header', 'footer')),
            position INTEGER NOT NULL DEFAULT 0,
            body_markdown TEXT NOT NULL,
            body_html TEXT NOT NULL,
            opening_html TEXT NOT NULL,
            excerpt TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            published_at DATETIME,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL
        );
        CREATE INDEX page_by_placement ON page(placement, position, title) WHERE status = 'published';

        CREATE TABLE page_revision (
            id INTEGER PRIMARY KEY,
            page_id INTEGER NOT NULL REFERENCES page(id) ON DELETE CASCADE,
            saved_by TEXT NOT NULL,
            saved_at DATETIME NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('created', 'saved', 'autosaved', 'restored', 'conflict')),
            title TEXT NOT NULL,
            slug TEXT NOT NULL,
            body_markdown TEXT NOT NULL,
            top_media_id INTEGER,
            placement TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE INDEX page_revision_by_page ON page_revision(page_id, id DESC);

        CREATE TABLE slug_redirect_with_pages (
            kind TEXT NOT NULL CHECK (kind IN ('article', 'section', 'topic', 'series', 'author', 'page')),
            old_slug TEXT NOT NULL,
            target_id INTEGER NOT NULL,
            PRIMARY KEY (kind, old_slug)
        ) WITHOUT ROWID;
        INSERT INTO slug_redirect_with_pages SELECT kind, old_slug, target_id FROM slug_redirect;
        DROP TABLE slug_redirect;
        ALTER TABLE slug_redirect_with_pages RENAME TO slug_redirect;
        """

    /// When each session was last used and in which browser it began (for the idle timeout and the
    /// list of places an account is signed in), and when an account was suspended.
    private static let v12 = """
        ALTER TABLE session ADD COLUMN last_seen_at DATETIME;
        UPDATE session SET last_seen_at = created_at;
        ALTER TABLE session ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
        ALTER TABLE user ADD COLUMN suspended_at DATETIME;
        """

    /// Two-step sign-in: each account's authenticator secret (sealed with the operator's key when
    /// one is set) and the last time step a code was used for, so no code works twice; one-use
    /// recovery codes, kept as hashes; and whether every account must use it.
    private static let v11 = """
        ALTER TABLE user ADD COLUMN totp_secret TEXT;
        ALTER TABLE user ADD COLUMN totp_last_step INTEGER;
        CREATE TABLE recovery_code (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
            code_hash BLOB NOT NULL UNIQUE,
            used_at DATETIME
        );
        CREATE INDEX recovery_code_by_user ON recovery_code(user_id);
        ALTER TABLE site_settings ADD COLUMN require_two_factor INTEGER NOT NULL DEFAULT 0 CHECK (require_two_factor IN (0, 1));
        """

    /// Media bytes kept in the database, so every node can serve every image (each node's media
    /// folder is then a cache); and the node that claimed each delivery, with the moment its claim
    /// runs out, so a node requeues only its own unfinished work and work whose claim expired.
    private static let v9 = """
        CREATE TABLE media_file (
            media_id INTEGER PRIMARY KEY REFERENCES media(id) ON DELETE CASCADE,
            bytes BLOB NOT NULL
        );
        ALTER TABLE delivery ADD COLUMN node_id TEXT;
        ALTER TABLE delivery ADD COLUMN lease_until DATETIME;
        CREATE INDEX delivery_by_lease ON delivery(state, lease_until) WHERE state = 'sending';
        """

    /// A counter every reader-visible commit advances, so every process on the database can tell its
    /// pages may be stale; and the moment a scheduled round-up fell due, unique per newsletter, so
    /// it is drafted once however many nodes run.
    private static let v8 = """
        CREATE TABLE change_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
        );
        INSERT INTO change_generation (id, value) VALUES (1, 1);
        ALTER TABLE newsletter_issue ADD COLUMN roundup_due DATETIME;
        CREATE UNIQUE INDEX newsletter_issue_one_per_roundup ON newsletter_issue(newsletter_id, roundup_due);
        """

    /// Newsletters, subscribers and their history, the suppression list, issues and the delivery
    /// queue: one row per (issue, subscriber), whose state is the truth about what was sent.
    private static let v6 = """
        CREATE TABLE newsletter (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            description TEXT NOT NULL DEFAULT '',
            is_weekly_roundup INTEGER NOT NULL DEFAULT 0 CHECK (is_weekly_roundup IN (0, 1)),
            send_weekday INTEGER NOT NULL DEFAULT 6 CHECK (send_weekday BETWEEN 1 AND 7),
            send_minute INTEGER NOT NULL DEFAULT 480 CHECK (send_minute BETWEEN 0 AND 1439),
            sends_automatically INTEGER NOT NULL DEFAULT 0 CHECK (sends_automatically IN (0, 1)),
            position INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO newsletter (slug, name, description, is_weekly_roundup, position) VALUES
            ('weekly-roundup', 'The Weekly Round-up', 'The week''s stories in one email, every Friday morning.', 1, 0),
            ('breaking', 'Breaking Alerts', 'A short email when a major story breaks. Rarely more than one a week.', 0, 1);

        CREATE TABLE subscriber (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
            status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'unsubscribed', 'bounced')),
            source TEXT NOT NULL DEFAULT 'site',
            created_at DATETIME NOT NULL,
            consent_at DATETIME,
            confirmed_at DATETIME,
            confirmation_sent_at DATETIME
        );
        CREATE INDEX subscriber_by_status ON subscriber(status, id);

        CREATE TABLE subscription (
            subscriber_id INTEGER NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
            newsletter_id INTEGER NOT NULL REFERENCES newsletter(id) ON DELETE CASCADE,
            PRIMARY KEY (subscriber_id, newsletter_id)
        ) WITHOUT ROWID;
        CREATE INDEX subscription_by_newsletter ON subscription(newsletter_id, subscriber_id);

        CREATE TABLE subscriber_event (
            id INTEGER PRIMARY KEY,
            subscriber_id INTEGER NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
            at DATETIME NOT NULL,
            what TEXT NOT NULL
        );
        CREATE INDEX subscriber_event_by_subscriber ON subscriber_event(subscriber_id, id);

        CREATE TABLE suppression (
            email TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            at DATETIME NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE newsletter_issue (
            id INTEGER PRIMARY KEY,
            newsletter_id INTEGER NOT NULL REFERENCES newsletter(id),
            subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
            intro TEXT NOT NULL DEFAULT '',
            article_ids TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'sending', 'sent')),
            period_start DATETIME NOT NULL,
            period_end DATETIME NOT NULL,
            send_at DATETIME,
            sent_at DATETIME,
            created_at DATETIME NOT NULL
        );
        CREATE INDEX newsletter_issue_by_newsletter ON newsletter_issue(newsletter_id, id DESC);

        CREATE TABLE delivery (
            issue_id INTEGER NOT NULL REFERENCES newsletter_issue(id) ON DELETE CASCADE,
            subscriber_id INTEGER NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at DATETIME,
            sent_at DATETIME,
            last_error TEXT,
            PRIMARY KEY (issue_id, subscriber_id)
        ) WITHOUT ROWID;
        CREATE INDEX delivery_by_state ON delivery(state, issue_id, subscriber_id);
        """

    /// Tokens for the Admin API, made by administrators; only a SHA-256 of each is kept.
    private static let v5 = """
        CREATE TABLE api_token (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
            token_hash BLOB NOT NULL UNIQUE,
            created_by INTEGER REFERENCES user(id) ON DELETE SET NULL,
            created_at DATETIME NOT NULL,
            revoked_at DATETIME
        );
        """

    /// The newsroom: accounts, sessions, login throttling, invitations, revisions, the article workflow
    /// columns, and a random secret shared by every node for signing links.
    private static let v4 = """
        CREATE TABLE user (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
            name TEXT NOT NULL CHECK (length(name) > 0),
            role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'contributor')),
            password_hash TEXT NOT NULL,
            author_id INTEGER REFERENCES author(id),
            created_at DATETIME NOT NULL
        );

        CREATE TABLE session (
            token_hash BLOB PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at DATETIME NOT NULL,
            expires_at DATETIME NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX session_by_user ON session(user_id);

        CREATE TABLE login_throttle (
            key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            last_failure_at DATETIME NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE invitation (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'contributor')),
            invited_by INTEGER REFERENCES user(id) ON DELETE SET NULL,
            created_at DATETIME NOT NULL,
            expires_at DATETIME NOT NULL,
            accepted_at DATETIME
        );

        CREATE TABLE site_secret (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            value BLOB NOT NULL CHECK (length(value) = 32)
        );

        ALTER TABLE article ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE article ADD COLUMN owner_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL;
        ALTER TABLE article ADD COLUMN submitted_at DATETIME;
        ALTER TABLE article ADD COLUMN trashed_at DATETIME;
        CREATE INDEX article_by_schedule ON article(status, published_at) WHERE status = 'scheduled';
        CREATE INDEX article_by_update ON article(updated_at DESC, id DESC);

        CREATE TABLE revision (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            saved_by TEXT NOT NULL,
            saved_at DATETIME NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('created', 'saved', 'autosaved', 'restored', 'conflict')),
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            snapshot TEXT NOT NULL
        );
        CREATE INDEX revision_by_article ON revision(article_id, id DESC);
        """

    /// Article text for full-text search: Porter stemming, diacritics folded, one row per article
    /// (rowid = article id). Beside it, a small table of what searches filter and rank by (publication
    /// time, NULL unless published, and section), so a search never reads the large text rows.
    private static let v3 = """
        CREATE VIRTUAL TABLE article_search USING fts5(
            title, dek, body, authors, topics, series,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        CREATE TABLE article_search_filter (
            article_id INTEGER PRIMARY KEY,
            published INTEGER,
            section_id INTEGER NOT NULL
        );
        """

    private static let v2 = """
        ALTER TABLE site_settings ADD COLUMN feeds_carry_full_text INTEGER NOT NULL DEFAULT 1 CHECK (feeds_carry_full_text IN (0, 1));
        ALTER TABLE site_settings ADD COLUMN robots_rules TEXT NOT NULL DEFAULT '';
        CREATE INDEX article_for_sitemap ON article(status, id, slug, updated_at);
        """

    private static let v1 = """
        CREATE TABLE media (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL UNIQUE CHECK (length(file_name) BETWEEN 1 AND 200),
            content_type TEXT NOT NULL,
            width INTEGER NOT NULL CHECK (width > 0),
            height INTEGER NOT NULL CHECK (height > 0),
            alt TEXT NOT NULL CHECK (length(alt) > 0),
            caption TEXT NOT NULL DEFAULT '',
            credit TEXT NOT NULL DEFAULT '',
            created_at DATETIME NOT NULL
        );

        CREATE TABLE site_settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL CHECK (length(name) > 0),
            description TEXT NOT NULL,
            about TEXT NOT NULL,
            locale TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            logo_media_id INTEGER REFERENCES media(id),
            social_profiles TEXT NOT NULL DEFAULT '[]',
            navigation TEXT NOT NULL DEFAULT '[]'
        );
        INSERT INTO site_settings (id, name, description, about, locale, time_zone)
            VALUES (1, 'Kiosk', 'An independent publication.', 'Published with Kiosk.', 'en', 'UTC');

        CREATE TABLE section (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE topic (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            description TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            description TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE author (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            bio TEXT NOT NULL DEFAULT '',
            photo_media_id INTEGER REFERENCES media(id),
            links TEXT NOT NULL DEFAULT '[]'
        );

        CREATE TABLE article (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL CHECK (length(title) > 0),
            dek TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL CHECK (format IN ('reporting', 'analysis', 'opinion', 'explainer', 'interview', 'review')),
            status TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published')),
            section_id INTEGER NOT NULL REFERENCES section(id),
            series_id INTEGER REFERENCES series(id),
            top_media_id INTEGER REFERENCES media(id),
            body_markdown TEXT NOT NULL,
            body_html TEXT NOT NULL,
            opening_html TEXT NOT NULL,
            excerpt TEXT NOT NULL,
            seo_title TEXT,
            seo_description TEXT,
            canonical_url TEXT,
            published_at DATETIME,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            CHECK (status <> 'published' OR published_at IS NOT NULL)
        );
        CREATE INDEX article_by_status_date ON article(status, published_at DESC, id DESC);
        CREATE INDEX article_by_section ON article(section_id, status, published_at DESC, id DESC);
        CREATE INDEX article_by_series ON article(series_id, status, published_at DESC, id DESC);

        CREATE TABLE article_topic (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            topic_id INTEGER NOT NULL REFERENCES topic(id),
            PRIMARY KEY (article_id, topic_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_topic_by_topic ON article_topic(topic_id, article_id);

        CREATE TABLE article_author (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            author_id INTEGER NOT NULL REFERENCES author(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (article_id, author_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_author_by_author ON article_author(author_id, article_id);

        CREATE TABLE slug_redirect (
            kind TEXT NOT NULL CHECK (kind IN ('article', 'section', 'topic', 'series', 'author')),
            old_slug TEXT NOT NULL,
            target_id INTEGER NOT NULL,
            PRIMARY KEY (kind, old_slug)
        ) WITHOUT ROWID;
        """
}
