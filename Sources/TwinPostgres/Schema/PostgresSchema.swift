/// The PostgreSQL schema, as an ordered list of migrations: the same tables, columns, keys and
/// cascades as the SQLite schema (`TwinStore`'s `Schema`), in PostgreSQL's types.
///
/// Migrations are append-only, as on SQLite: a released migration is never edited, a change is
/// a new one. Every table holding personal data is keyed by participant and cascades on
/// deletion. Times are `timestamptz`; JSON is kept as text, byte for byte as the SQLite store
/// keeps it, so that `jobtwin db copy` moves it unchanged; blobs are `bytea`.
public enum PostgresSchema {
    /// One migration: its name (stored in `schema_migrations` once applied) and its statements,
    /// run in order in one transaction.
    public struct Migration: Sendable {
        /// The name, unique and never changed once released.
        public let name: String
        /// The statements, one each.
        public let statements: [String]
    }

    /// The tables, in the order their migrations create them: a table comes after those its
    /// keys refer to (the order in which `jobtwin db copy` fills them).
    public static var tables: [String] {
        migrations.flatMap(\.statements).compactMap { statement -> String? in
            let words = statement.split(whereSeparator: \.isWhitespace)
            guard words.count > 2, words[0] == "CREATE", words[1] == "TABLE" else { return nil }
            return String(words[2])
        }
    }

    /// Every migration, oldest first.
    public static let migrations: [Migration] = [
        Migration(name: "v1: the schema of the SQLite store's v11", statements: [
            """
            CREATE TABLE participants (
                id text PRIMARY KEY,
                channel text NOT NULL,
                language text NOT NULL,
                phase text NOT NULL,
                created_at timestamptz NOT NULL,
                last_active_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE sessions (
                participant_id text PRIMARY KEY REFERENCES participants ON DELETE CASCADE,
                state bytea NOT NULL,
                turns integer NOT NULL,
                updated_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE answers (
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                slot text NOT NULL,
                value text NOT NULL,
                answered_at timestamptz NOT NULL,
                PRIMARY KEY (participant_id, slot))
            """,
            """
            CREATE TABLE profiles (
                participant_id text PRIMARY KEY REFERENCES participants ON DELETE CASCADE,
                name text NOT NULL,
                side text NOT NULL,
                organization text NOT NULL,
                role text NOT NULL,
                field text NOT NULL,
                field_other text,
                education_types text NOT NULL,
                company_types text NOT NULL,
                background text,
                target_group text,
                motivations text NOT NULL,
                criteria text NOT NULL,
                subject_preference text NOT NULL,
                region text NOT NULL,
                consent_given_at timestamptz,
                consent_version text,
                updated_at timestamptz NOT NULL)
            """,
            "CREATE INDEX profiles_on_side ON profiles (side)",
            """
            CREATE TABLE pairs (
                id text PRIMARY KEY,
                teacher_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                professional_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                origin text NOT NULL,
                status text NOT NULL,
                score double precision NOT NULL,
                proposed_at timestamptz NOT NULL,
                teacher_confirmed_at timestamptz,
                professional_confirmed_at timestamptz,
                confirmed_at timestamptz)
            """,
            "CREATE INDEX pairs_on_teacher_id ON pairs (teacher_id)",
            "CREATE INDEX pairs_on_professional_id ON pairs (professional_id)",
            """
            CREATE TABLE likes (
                from_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                to_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                liked boolean NOT NULL,
                at timestamptz NOT NULL,
                PRIMARY KEY (from_id, to_id))
            """,
            """
            CREATE TABLE exclusions (
                first_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                second_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                at timestamptz NOT NULL,
                PRIMARY KEY (first_id, second_id))
            """,
            """
            CREATE TABLE events (
                id bigserial PRIMARY KEY,
                kind text NOT NULL,
                participants text NOT NULL,
                pair_id text,
                occurred_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE processed_requests (
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                channel text NOT NULL,
                request_id text NOT NULL,
                reply_json bytea NOT NULL,
                at timestamptz NOT NULL,
                delivered_at timestamptz,
                UNIQUE (participant_id, channel, request_id))
            """,
            "CREATE INDEX processed_requests_on_at ON processed_requests (at)",
            "CREATE INDEX processed_requests_undelivered ON processed_requests (channel, at) WHERE delivered_at IS NULL",
            """
            CREATE TABLE goals (
                id text PRIMARY KEY,
                pair_id text NOT NULL REFERENCES pairs ON DELETE CASCADE,
                owner_id text REFERENCES participants ON DELETE CASCADE,
                text text NOT NULL,
                long_term boolean NOT NULL,
                created_at timestamptz NOT NULL)
            """,
            "CREATE INDEX goals_on_pair_id ON goals (pair_id)",
            """
            CREATE TABLE plans (
                pair_id text PRIMARY KEY REFERENCES pairs ON DELETE CASCADE,
                version integer NOT NULL,
                weeks integer NOT NULL,
                meetings integer NOT NULL,
                hours double precision NOT NULL,
                period text NOT NULL,
                agreements text NOT NULL,
                proposed_by text NOT NULL,
                proposed_at timestamptz NOT NULL,
                confirmed_versions text NOT NULL,
                fixed_at timestamptz,
                deviation_reasons text NOT NULL,
                intended_kinds text NOT NULL DEFAULT '[]')
            """,
            """
            CREATE TABLE activities (
                id text PRIMARY KEY,
                pair_id text NOT NULL REFERENCES pairs ON DELETE CASCADE,
                logged_by text NOT NULL REFERENCES participants ON DELETE CASCADE,
                kind text NOT NULL,
                day text NOT NULL,
                hours double precision NOT NULL,
                notes text NOT NULL,
                confidential boolean NOT NULL,
                logged_at timestamptz NOT NULL,
                confirmed_at timestamptz)
            """,
            "CREATE INDEX activities_on_pair_id ON activities (pair_id)",
            """
            CREATE TABLE context_checks (
                participant_id text PRIMARY KEY REFERENCES participants ON DELETE CASCADE,
                manager_agreement text NOT NULL,
                checked_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE evaluations (
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                pair_id text NOT NULL REFERENCES pairs ON DELETE CASCADE,
                data text NOT NULL,
                finished_at timestamptz,
                PRIMARY KEY (participant_id, pair_id))
            """,
            """
            CREATE TABLE bottlenecks (
                id bigserial PRIMARY KEY,
                pair_id text NOT NULL REFERENCES pairs ON DELETE CASCADE,
                participant_id text REFERENCES participants ON DELETE CASCADE,
                kind text NOT NULL,
                detected_at timestamptz NOT NULL,
                resolved_at timestamptz)
            """,
            "CREATE INDEX bottlenecks_on_pair_id ON bottlenecks (pair_id)",
            """
            CREATE TABLE notices (
                id bigserial PRIMARY KEY,
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                kind text NOT NULL,
                text_nl text NOT NULL,
                text_en text NOT NULL,
                created_at timestamptz NOT NULL,
                shown_at timestamptz)
            """,
            "CREATE INDEX notices_on_participant_id ON notices (participant_id)",
            """
            CREATE TABLE deliveries (
                id bigserial PRIMARY KEY,
                source text NOT NULL,
                event_id bigint REFERENCES events ON DELETE CASCADE,
                target text NOT NULL,
                kind text NOT NULL,
                idempotency_key text NOT NULL UNIQUE,
                payload bytea NOT NULL,
                ordering_key text,
                status text NOT NULL,
                attempts integer NOT NULL,
                next_attempt_at timestamptz NOT NULL,
                lease_until timestamptz,
                last_error text,
                last_status integer,
                created_at timestamptz NOT NULL,
                delivered_at timestamptz,
                UNIQUE (source, target))
            """,
            "CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at)",
            "CREATE INDEX deliveries_on_ordering_key ON deliveries (ordering_key, status) WHERE ordering_key IS NOT NULL",
            """
            CREATE TABLE outbox_cursor (
                name text PRIMARY KEY,
                last_event_id bigint NOT NULL)
            """,
            "INSERT INTO outbox_cursor (name, last_event_id) VALUES ('events', 0), ('direct_messages', 0)",
            """
            CREATE TABLE reminders (
                id bigserial PRIMARY KEY,
                pair_id text NOT NULL REFERENCES pairs ON DELETE CASCADE,
                rule text NOT NULL,
                anchor timestamptz NOT NULL,
                due_at timestamptz NOT NULL,
                status text NOT NULL,
                sent_at timestamptz,
                event_id bigint,
                UNIQUE (pair_id, rule, anchor))
            """,
            "CREATE INDEX reminders_due ON reminders (status, due_at)",
            """
            CREATE TABLE audit_log (
                id bigserial PRIMARY KEY,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                action text NOT NULL,
                subject text,
                detail text NOT NULL)
            """,
            """
            CREATE TABLE consents (
                id bigserial PRIMARY KEY,
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                purpose text NOT NULL,
                text_version text NOT NULL,
                given boolean NOT NULL,
                recorded_at timestamptz NOT NULL)
            """,
            "CREATE INDEX consents_on_participant ON consents (participant_id, purpose)",
            """
            CREATE TABLE conversation_texts (
                id bigserial PRIMARY KEY,
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                at timestamptz NOT NULL,
                direction text NOT NULL CHECK (direction IN ('in', 'out')),
                text text NOT NULL)
            """,
            "CREATE INDEX conversation_texts_on_participant ON conversation_texts (participant_id)",
            """
            CREATE TABLE pending_erasures (
                participant_id text PRIMARY KEY REFERENCES participants ON DELETE CASCADE,
                requested_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE message_preferences (
                id bigserial PRIMARY KEY,
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                direct_messages boolean NOT NULL,
                at timestamptz NOT NULL)
            """,
            "CREATE INDEX message_preferences_of_participant ON message_preferences (participant_id, id)",
            """
            CREATE TABLE expectations (
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                pair_id text NOT NULL REFERENCES pairs ON DELETE CASCADE,
                text text NOT NULL,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (participant_id, pair_id))
            """,
            "CREATE INDEX expectations_on_pair_id ON expectations (pair_id)",
            """
            CREATE TABLE click_checks (
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                pair_id text NOT NULL REFERENCES pairs ON DELETE CASCADE,
                answer text NOT NULL,
                checked_at timestamptz NOT NULL,
                PRIMARY KEY (participant_id, pair_id))
            """,
            "CREATE INDEX click_checks_on_pair_id ON click_checks (pair_id)",
            """
            CREATE TABLE reported_bottlenecks (
                id bigserial PRIMARY KEY,
                pair_id text NOT NULL REFERENCES pairs ON DELETE CASCADE,
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                topic text NOT NULL,
                words text,
                reported_at timestamptz NOT NULL)
            """,
            "CREATE INDEX reported_bottlenecks_on_pair_id ON reported_bottlenecks (pair_id)",
            "CREATE INDEX reported_bottlenecks_on_participant_id ON reported_bottlenecks (participant_id)",
            """
            CREATE TABLE invitations (
                id bigserial PRIMARY KEY,
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                token_hash text NOT NULL UNIQUE,
                name text NOT NULL,
                email text,
                side text,
                coordinator boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL,
                expires_at timestamptz NOT NULL,
                revoked_at timestamptz)
            """,
            "CREATE INDEX invitations_on_participant_id ON invitations (participant_id)",
            "CREATE INDEX invitations_on_email ON invitations (lower(email)) WHERE email IS NOT NULL",
            """
            CREATE TABLE web_sessions (
                id_hash text PRIMARY KEY,
                participant_id text NOT NULL REFERENCES participants ON DELETE CASCADE,
                created_at timestamptz NOT NULL,
                last_seen_at timestamptz NOT NULL,
                ended_at timestamptz)
            """,
            "CREATE INDEX web_sessions_on_participant_id ON web_sessions (participant_id)",
        ]),
    ]
}
