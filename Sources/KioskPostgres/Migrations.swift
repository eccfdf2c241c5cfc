import Foundation
import KioskCore
import NIOCore
import PostgresNIO

/// The PostgreSQL schema's history. A shipped migration never changes; a change to the schema is a
/// new one, here and in the SQLite store's migrations alike, so both engines hold the same tables.
enum Migrator {
    /// One version of the schema: its name and the statements that make it, one per line ending in `;`.
    struct Migration {
        let name: String
        let sql: String

        /// The statements, split where a line ends with `;`.
        var statements: [String] {
            sql.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }
        }
    }

    /// Every migration, oldest first.
    static let all: [Migration] = [
        Migration(name: "v1 publication, newsroom, newsletters, shared generation", sql: v1),
        Migration(name: "v2 several nodes: media bytes and delivery leases", sql: v2),
        Migration(name: "v3 public address chosen at setup", sql: "ALTER TABLE site_settings ADD COLUMN public_url text NOT NULL DEFAULT ''"),
        Migration(name: "v4 two-step sign-in", sql: v4),
        Migration(name: "v5 session activity and suspended accounts", sql: v5),
        Migration(name: "v6 pages", sql: v6),
        Migration(name: "v7 import ledger and old addresses", sql: v7),
        Migration(name: "v8 import jobs", sql: v8),
        Migration(name: "v9 image renditions", sql: v9),
    ]

    /// The advisory lock that makes nodes starting at once migrate one after the other.
    static let lockKey: Int64 = 0x4B696F736B  // "Kiosk"

    /// Applies the migrations `connection`'s database lacks, each in its own transaction, holding
    /// the advisory lock throughout; returns the names applied now and all applied.
    static func migrate(_ connection: Connection) async throws -> (applied: [String], all: [String]) {
        try await connection.execute("SELECT pg_advisory_lock(\(lockKey))")
        do {
            let result = try await applyPending(connection)
            try await connection.execute("SELECT pg_advisory_unlock(\(lockKey))")
            return result
        } catch {
            try? await connection.execute("SELECT pg_advisory_unlock(\(lockKey))")
            throw error
        }
    }

    private static func applyPending(_ connection: Connection) async throws -> (applied: [String], all: [String]) {
        try await connection.execute("CREATE TABLE IF NOT EXISTS kiosk_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        let done = Set(try await connection.values("SELECT name FROM kiosk_migrations", as: String.self))
        var applied: [String] = []
        for migration in all where !done.contains(migration.name) {
            try await connection.raw.withTransaction(logger: connection.logger) { raw in
                let inside = Connection(raw: raw, logger: connection.logger)
                for statement in migration.statements {
                    try await inside.execute(PostgresQuery(unsafeSQL: statement))
                }
                if migration.name == all[0].name {
                    try await inside.execute("INSERT INTO site_secret (id, value) VALUES (1, \(SecureRandom.bytes(count: 32).bytea))")
                }
                try await inside.execute("INSERT INTO kiosk_migrations (name) VALUES (\(migration.name))")
            }
            applied.append(migration.name)
        }
        return (applied, all.map(\.name).filter { done.contains($0) || applied.contains($0) })
    }

    /// As the SQLite store's v16: each image's focal point, the state of its renditions, and their files.
    private static let v9 = """
        ALTER TABLE media ADD COLUMN focus_x double precision NOT NULL DEFAULT 0.5 CHECK (focus_x BETWEEN 0 AND 1);
        ALTER TABLE media ADD COLUMN focus_y double precision NOT NULL DEFAULT 0.5 CHECK (focus_y BETWEEN 0 AND 1);
        ALTER TABLE media ADD COLUMN renditions_wanted text;
        ALTER TABLE media ADD COLUMN renditions_made text;
        ALTER TABLE media ADD COLUMN renditions_error text;
        ALTER TABLE media ADD COLUMN renditions_node text;
        ALTER TABLE media ADD COLUMN renditions_lease_until timestamptz;
        CREATE INDEX media_renditions_to_make ON media(id)
            WHERE renditions_wanted IS NOT NULL AND renditions_wanted IS DISTINCT FROM renditions_made AND renditions_error IS NULL;
        CREATE TABLE media_rendition (
            name text PRIMARY KEY,
            media_id bigint NOT NULL REFERENCES media(id) ON DELETE CASCADE,
            content_type text NOT NULL,
            width integer NOT NULL,
            height integer NOT NULL,
            bytes bytea NOT NULL
        );
        CREATE INDEX media_rendition_by_media ON media_rendition(media_id);
        """

    /// As the SQLite store's v12: when each session was last used, its browser, and suspensions.
    /// As the SQLite store's v15: archive imports asked for in the newsroom, and their files in parts.
    private static let v8 = """
        CREATE TABLE import_job (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            platform text NOT NULL CHECK (platform IN ('wordpress', 'ghost', 'substack')),
            file_name text NOT NULL,
            bytes bigint NOT NULL DEFAULT 0,
            status text NOT NULL CHECK (status IN ('uploading', 'queued', 'running', 'finished', 'failed')),
            progress text NOT NULL DEFAULT '',
            report text NOT NULL DEFAULT '',
            requested_by bigint NOT NULL,
            created_at timestamptz NOT NULL,
            finished_at timestamptz,
            node_id text,
            lease_until timestamptz
        );
        CREATE INDEX import_job_by_status ON import_job(status, id);
        CREATE TABLE import_job_part (
            job_id bigint NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
            number integer NOT NULL,
            bytes bytea NOT NULL,
            PRIMARY KEY (job_id, number)
        );
        """

    /// As the SQLite store's v14: which archive item became which record, and old addresses.
    private static let v7 = """
        CREATE TABLE import_ledger (
            source text NOT NULL,
            kind text NOT NULL,
            external_id text NOT NULL,
            target_id bigint NOT NULL,
            imported_at timestamptz NOT NULL,
            PRIMARY KEY (source, kind, external_id)
        );
        CREATE TABLE old_address (
            path text PRIMARY KEY,
            kind text NOT NULL CHECK (kind IN ('article', 'page')),
            target_id bigint NOT NULL
        );
        CREATE INDEX old_address_by_target ON old_address(kind, target_id);
        """

    /// As the SQLite store's v13: standing pages, their revisions, and redirects from old page slugs.
    private static let v6 = """
        CREATE TABLE page (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            slug text NOT NULL UNIQUE,
            title text NOT NULL CHECK (length(title) > 0),
            status text NOT NULL CHECK (status IN ('draft', 'published')),
            top_media_id bigint REFERENCES media(id),
            placement text NOT NULL CHECK (placement IN ('none', 'header', 'footer')),
            position integer NOT NULL DEFAULT 0,
            body_markdown text NOT NULL,
            body_html text NOT NULL,
            opening_html text NOT NULL,
            excerpt text NOT NULL,
            version integer NOT NULL DEFAULT 1,
            published_at timestamptz,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL
        );
        CREATE INDEX page_by_placement ON page(placement, position, title) WHERE status = 'published';
        CREATE TABLE page_revision (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            page_id bigint NOT NULL REFERENCES page(id) ON DELETE CASCADE,
            saved_by text NOT NULL,
            saved_at timestamptz NOT NULL,
            kind text NOT NULL CHECK (kind IN ('created', 'saved', 'autosaved', 'restored', 'conflict')),
            title text NOT NULL,
            slug text NOT NULL,
            body_markdown text NOT NULL,
            top_media_id bigint,
            placement text NOT NULL,
            position integer NOT NULL
        );
        CREATE INDEX page_revision_by_page ON page_revision(page_id, id DESC);
        ALTER TABLE slug_redirect DROP CONSTRAINT slug_redirect_kind_check;
        ALTER TABLE slug_redirect ADD CONSTRAINT slug_redirect_kind_check CHECK (kind IN ('article', 'section', 'topic', 'series', 'author', 'page'));
        """

    private static let v5 = """
        ALTER TABLE session ADD COLUMN last_seen_at timestamptz;
        UPDATE session SET last_seen_at = created_at;
        ALTER TABLE session ALTER COLUMN last_seen_at SET NOT NULL;
        ALTER TABLE session ADD COLUMN user_agent text NOT NULL DEFAULT '';
        CREATE INDEX session_by_last_use ON session(last_seen_at);
        ALTER TABLE "user" ADD COLUMN suspended_at timestamptz;
        """

    /// As the SQLite store's v11: authenticator secrets, the last step used, recovery codes, and the requirement.
    private static let v4 = """
        ALTER TABLE "user" ADD COLUMN totp_secret text;
        ALTER TABLE "user" ADD COLUMN totp_last_step bigint;
        CREATE TABLE recovery_code (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            user_id bigint NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
            code_hash bytea NOT NULL UNIQUE,
            used_at timestamptz
        );
        CREATE INDEX recovery_code_by_user ON recovery_code(user_id);
        ALTER TABLE site_settings ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false;
        """

    /// As the SQLite store's v9: media bytes in the database, and who claimed each delivery until when.
    private static let v2 = """
        CREATE TABLE media_file (
            media_id bigint PRIMARY KEY REFERENCES media(id) ON DELETE CASCADE,
            bytes bytea NOT NULL
        );
        ALTER TABLE delivery ADD COLUMN node_id text;
        ALTER TABLE delivery ADD COLUMN lease_until timestamptz;
        CREATE INDEX delivery_by_lease ON delivery(state, lease_until) WHERE state = 'sending';
        """

    /// The schema of the SQLite store's migrations v1 to v8 in one step, with PostgreSQL's own types:
    /// identities for ids, `timestamptz` for dates, `boolean`, `bytea`; full-text search in a
    /// `tsvector` column with English stemming that keeps stop words and folds diacritics.
    private static let v1 = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE TEXT SEARCH DICTIONARY kiosk_english_stem (TEMPLATE = snowball, LANGUAGE = english);
        CREATE TEXT SEARCH CONFIGURATION kiosk (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION kiosk
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, kiosk_english_stem;

        CREATE TABLE media (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            file_name text NOT NULL UNIQUE CHECK (length(file_name) BETWEEN 1 AND 200),
            content_type text NOT NULL,
            width integer NOT NULL CHECK (width > 0),
            height integer NOT NULL CHECK (height > 0),
            alt text NOT NULL CHECK (length(alt) > 0),
            caption text NOT NULL DEFAULT '',
            credit text NOT NULL DEFAULT '',
            created_at timestamptz NOT NULL
        );

        CREATE TABLE site_settings (
            id integer PRIMARY KEY CHECK (id = 1),
            name text NOT NULL CHECK (length(name) > 0),
            description text NOT NULL,
            about text NOT NULL,
            locale text NOT NULL,
            time_zone text NOT NULL,
            logo_media_id bigint REFERENCES media(id),
            social_profiles text NOT NULL DEFAULT '[]',
            navigation text NOT NULL DEFAULT '[]',
            feeds_carry_full_text boolean NOT NULL DEFAULT true,
            robots_rules text NOT NULL DEFAULT '',
            smtp_url text NOT NULL DEFAULT ''
        );
        INSERT INTO site_settings (id, name, description, about, locale, time_zone)
            VALUES (1, 'Kiosk', 'An independent publication.', 'Published with Kiosk.', 'en', 'UTC');

        CREATE TABLE section (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            slug text NOT NULL UNIQUE,
            name text NOT NULL CHECK (length(name) > 0),
            description text NOT NULL DEFAULT '',
            position integer NOT NULL DEFAULT 0
        );

        CREATE TABLE topic (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            slug text NOT NULL UNIQUE,
            name text NOT NULL CHECK (length(name) > 0),
            description text NOT NULL DEFAULT ''
        );

        CREATE TABLE series (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            slug text NOT NULL UNIQUE,
            name text NOT NULL CHECK (length(name) > 0),
            description text NOT NULL DEFAULT ''
        );

        CREATE TABLE author (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            slug text NOT NULL UNIQUE,
            name text NOT NULL CHECK (length(name) > 0),
            bio text NOT NULL DEFAULT '',
            photo_media_id bigint REFERENCES media(id),
            links text NOT NULL DEFAULT '[]'
        );

        CREATE TABLE "user" (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            email text NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
            name text NOT NULL CHECK (length(name) > 0),
            role text NOT NULL CHECK (role IN ('admin', 'editor', 'contributor')),
            password_hash text NOT NULL,
            author_id bigint REFERENCES author(id),
            created_at timestamptz NOT NULL
        );

        CREATE TABLE article (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            slug text NOT NULL UNIQUE,
            title text NOT NULL CHECK (length(title) > 0),
            dek text NOT NULL DEFAULT '',
            format text NOT NULL CHECK (format IN ('reporting', 'analysis', 'opinion', 'explainer', 'interview', 'review')),
            status text NOT NULL CHECK (status IN ('draft', 'scheduled', 'published')),
            section_id bigint NOT NULL REFERENCES section(id),
            series_id bigint REFERENCES series(id),
            top_media_id bigint REFERENCES media(id),
            body_markdown text NOT NULL,
            body_html text NOT NULL,
            opening_html text NOT NULL,
            excerpt text NOT NULL,
            seo_title text,
            seo_description text,
            canonical_url text,
            published_at timestamptz,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            version integer NOT NULL DEFAULT 1,
            owner_user_id bigint REFERENCES "user"(id) ON DELETE SET NULL,
            submitted_at timestamptz,
            trashed_at timestamptz,
            CHECK (status <> 'published' OR published_at IS NOT NULL)
        );
        CREATE INDEX article_by_status_date ON article(status, published_at DESC, id DESC);
        CREATE INDEX article_by_section ON article(section_id, status, published_at DESC, id DESC);
        CREATE INDEX article_by_series ON article(series_id, status, published_at DESC, id DESC);
        CREATE INDEX article_for_sitemap ON article(status, id, slug, updated_at);
        CREATE INDEX article_by_schedule ON article(status, published_at) WHERE status = 'scheduled';
        CREATE INDEX article_by_update ON article(updated_at DESC, id DESC);

        CREATE TABLE article_topic (
            article_id bigint NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            topic_id bigint NOT NULL REFERENCES topic(id),
            PRIMARY KEY (article_id, topic_id)
        );
        CREATE INDEX article_topic_by_topic ON article_topic(topic_id, article_id);

        CREATE TABLE article_author (
            article_id bigint NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            author_id bigint NOT NULL REFERENCES author(id),
            position integer NOT NULL,
            PRIMARY KEY (article_id, author_id)
        );
        CREATE INDEX article_author_by_author ON article_author(author_id, article_id);

        CREATE TABLE slug_redirect (
            kind text NOT NULL CHECK (kind IN ('article', 'section', 'topic', 'series', 'author')),
            old_slug text NOT NULL,
            target_id bigint NOT NULL,
            PRIMARY KEY (kind, old_slug)
        );

        CREATE TABLE article_search (
            article_id bigint PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            document tsvector NOT NULL,
            published timestamptz,
            section_id bigint NOT NULL
        );
        CREATE INDEX article_search_document ON article_search USING gin (document);
        CREATE INDEX article_search_by_published ON article_search(published DESC) WHERE published IS NOT NULL;

        CREATE TABLE session (
            token_hash bytea PRIMARY KEY,
            user_id bigint NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
            csrf_token text NOT NULL,
            created_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL
        );
        CREATE INDEX session_by_user ON session(user_id);

        CREATE TABLE login_throttle (
            key text PRIMARY KEY,
            failures integer NOT NULL,
            last_failure_at timestamptz NOT NULL
        );

        CREATE TABLE invitation (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            email text NOT NULL,
            role text NOT NULL CHECK (role IN ('admin', 'editor', 'contributor')),
            invited_by bigint REFERENCES "user"(id) ON DELETE SET NULL,
            created_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            accepted_at timestamptz
        );

        CREATE TABLE site_secret (
            id integer PRIMARY KEY CHECK (id = 1),
            value bytea NOT NULL CHECK (length(value) = 32)
        );

        CREATE TABLE revision (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            article_id bigint NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            saved_by text NOT NULL,
            saved_at timestamptz NOT NULL,
            kind text NOT NULL CHECK (kind IN ('created', 'saved', 'autosaved', 'restored', 'conflict')),
            title text NOT NULL,
            text text NOT NULL,
            snapshot text NOT NULL
        );
        CREATE INDEX revision_by_article ON revision(article_id, id DESC);

        CREATE TABLE api_token (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            scope text NOT NULL CHECK (scope IN ('read', 'write')),
            token_hash bytea NOT NULL UNIQUE,
            created_by bigint REFERENCES "user"(id) ON DELETE SET NULL,
            created_at timestamptz NOT NULL,
            revoked_at timestamptz
        );

        CREATE TABLE newsletter (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            slug text NOT NULL UNIQUE,
            name text NOT NULL CHECK (length(name) > 0),
            description text NOT NULL DEFAULT '',
            is_weekly_roundup boolean NOT NULL DEFAULT false,
            send_weekday integer NOT NULL DEFAULT 6 CHECK (send_weekday BETWEEN 1 AND 7),
            send_minute integer NOT NULL DEFAULT 480 CHECK (send_minute BETWEEN 0 AND 1439),
            sends_automatically boolean NOT NULL DEFAULT false,
            position integer NOT NULL DEFAULT 0
        );
        INSERT INTO newsletter (id, slug, name, description, is_weekly_roundup, position) VALUES
            (1, 'weekly-roundup', 'The Weekly Round-up', 'The week''s stories in one email, every Friday morning.', true, 0),
            (2, 'breaking', 'Breaking Alerts', 'A short email when a major story breaks. Rarely more than one a week.', false, 1);
        SELECT setval(pg_get_serial_sequence('newsletter', 'id'), 2);

        CREATE TABLE subscriber (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            email text NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
            status text NOT NULL CHECK (status IN ('pending', 'active', 'unsubscribed', 'bounced')),
            source text NOT NULL DEFAULT 'site',
            created_at timestamptz NOT NULL,
            consent_at timestamptz,
            confirmed_at timestamptz,
            confirmation_sent_at timestamptz
        );
        CREATE INDEX subscriber_by_status ON subscriber(status, id);

        CREATE TABLE subscription (
            subscriber_id bigint NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
            newsletter_id bigint NOT NULL REFERENCES newsletter(id) ON DELETE CASCADE,
            PRIMARY KEY (subscriber_id, newsletter_id)
        );
        CREATE INDEX subscription_by_newsletter ON subscription(newsletter_id, subscriber_id);

        CREATE TABLE subscriber_event (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            subscriber_id bigint NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
            at timestamptz NOT NULL,
            what text NOT NULL
        );
        CREATE INDEX subscriber_event_by_subscriber ON subscriber_event(subscriber_id, id);

        CREATE TABLE suppression (
            email text PRIMARY KEY,
            reason text NOT NULL,
            at timestamptz NOT NULL
        );

        CREATE TABLE newsletter_issue (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            newsletter_id bigint NOT NULL REFERENCES newsletter(id),
            subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
            intro text NOT NULL DEFAULT '',
            article_ids text NOT NULL DEFAULT '[]',
            status text NOT NULL CHECK (status IN ('draft', 'scheduled', 'sending', 'sent')),
            period_start timestamptz NOT NULL,
            period_end timestamptz NOT NULL,
            send_at timestamptz,
            sent_at timestamptz,
            created_at timestamptz NOT NULL,
            roundup_due timestamptz
        );
        CREATE INDEX newsletter_issue_by_newsletter ON newsletter_issue(newsletter_id, id DESC);
        CREATE UNIQUE INDEX newsletter_issue_one_per_roundup ON newsletter_issue(newsletter_id, roundup_due);

        CREATE TABLE delivery (
            issue_id bigint NOT NULL REFERENCES newsletter_issue(id) ON DELETE CASCADE,
            subscriber_id bigint NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
            state text NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
            attempts integer NOT NULL DEFAULT 0,
            next_attempt_at timestamptz,
            sent_at timestamptz,
            last_error text,
            PRIMARY KEY (issue_id, subscriber_id)
        );
        CREATE INDEX delivery_by_state ON delivery(state, issue_id, subscriber_id);

        CREATE TABLE change_generation (
            id integer PRIMARY KEY CHECK (id = 1),
            value bigint NOT NULL
        );
        INSERT INTO change_generation (id, value) VALUES (1, 1);
        """
}
