import GRDB

/// The database schema, as an ordered list of migrations.
///
/// Migrations are append-only: a released migration is never edited, a change is a new one.
/// Every table holding personal data is keyed by participant and cascades on deletion.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: participants, sessions, answers, profiles") { db in
            try db.create(table: "participants") { t in
                t.primaryKey("id", .text)
                t.column("channel", .text).notNull()
                t.column("language", .text).notNull()
                t.column("phase", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("last_active_at", .datetime).notNull()
            }
            try db.create(table: "sessions") { t in
                t.primaryKey("participant_id", .text)
                    .references("participants", onDelete: .cascade)
                t.column("state", .blob).notNull()
                t.column("turns", .integer).notNull()
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "answers", options: [.withoutRowID]) { t in
                t.column("participant_id", .text).notNull()
                    .references("participants", onDelete: .cascade)
                t.column("slot", .text).notNull()
                t.column("value", .text).notNull()
                t.column("answered_at", .datetime).notNull()
                t.primaryKey(["participant_id", "slot"])
            }
            try db.create(table: "profiles") { t in
                t.primaryKey("participant_id", .text)
                    .references("participants", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("side", .text).notNull()
                t.column("organization", .text).notNull()
                t.column("role", .text).notNull()
                t.column("field", .text).notNull()
                t.column("field_other", .text)
                t.column("education_types", .jsonText).notNull()
                t.column("company_types", .jsonText).notNull()
                t.column("background", .text)
                t.column("target_group", .text)
                t.column("motivations", .jsonText).notNull()
                t.column("criteria", .jsonText).notNull()
                t.column("subject_preference", .text).notNull()
                t.column("region", .text).notNull()
                t.column("consent_given_at", .datetime)
                t.column("consent_version", .text)
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(index: "profiles_on_side", on: "profiles", columns: ["side"])
        }
        migrator.registerMigration("v2: pairs, likes, exclusions, events") { db in
            try db.create(table: "pairs") { t in
                t.primaryKey("id", .text)
                t.column("teacher_id", .text).notNull().indexed()
                    .references("participants", onDelete: .cascade)
                t.column("professional_id", .text).notNull().indexed()
                    .references("participants", onDelete: .cascade)
                t.column("origin", .text).notNull()
                t.column("status", .text).notNull()
                t.column("score", .double).notNull()
                t.column("proposed_at", .datetime).notNull()
                t.column("teacher_confirmed_at", .datetime)
                t.column("professional_confirmed_at", .datetime)
                t.column("confirmed_at", .datetime)
            }
            try db.create(table: "likes", options: [.withoutRowID]) { t in
                t.column("from_id", .text).notNull().references("participants", onDelete: .cascade)
                t.column("to_id", .text).notNull().references("participants", onDelete: .cascade)
                t.column("liked", .boolean).notNull()
                t.column("at", .datetime).notNull()
                t.primaryKey(["from_id", "to_id"])
            }
            try db.create(table: "exclusions", options: [.withoutRowID]) { t in
                // Stored with the smaller id first, so that each pair is one row.
                t.column("first_id", .text).notNull().references("participants", onDelete: .cascade)
                t.column("second_id", .text).notNull().references("participants", onDelete: .cascade)
                t.column("at", .datetime).notNull()
                t.primaryKey(["first_id", "second_id"])
            }
            try db.create(table: "events") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("participants", .jsonText).notNull()
                t.column("pair_id", .text)
                t.column("occurred_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v3: processed requests") { db in
            // Channel requests already taken, with their reply: a repeated request is answered
            // from here. Keyed by participant first, so that ids never cross participants and
            // erasing a participant finds their rows by the key.
            try db.create(table: "processed_requests", options: [.withoutRowID]) { t in
                t.column("participant_id", .text).notNull()
                    .references("participants", onDelete: .cascade)
                t.column("channel", .text).notNull()
                t.column("request_id", .text).notNull()
                t.column("reply_json", .blob).notNull()
                t.column("at", .datetime).notNull()
                t.column("delivered_at", .datetime)
                t.primaryKey(["participant_id", "channel", "request_id"])
            }
            try db.create(index: "processed_requests_on_at", on: "processed_requests", columns: ["at"])
        }
        migrator.registerMigration("trajectory: goals, plans, activities, context checks, evaluations, bottlenecks, notices") { db in
            try db.create(table: "goals") { t in
                t.primaryKey("id", .text)
                t.column("pair_id", .text).notNull().indexed().references("pairs", onDelete: .cascade)
                t.column("owner_id", .text).references("participants", onDelete: .cascade)
                t.column("text", .text).notNull()
                t.column("long_term", .boolean).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "plans") { t in
                t.primaryKey("pair_id", .text).references("pairs", onDelete: .cascade)
                t.column("version", .integer).notNull()
                t.column("weeks", .integer).notNull()
                t.column("meetings", .integer).notNull()
                t.column("hours", .double).notNull()
                t.column("period", .text).notNull()
                t.column("agreements", .text).notNull()
                t.column("proposed_by", .text).notNull()
                t.column("proposed_at", .datetime).notNull()
                t.column("confirmed_versions", .jsonText).notNull()
                t.column("fixed_at", .datetime)
                t.column("deviation_reasons", .jsonText).notNull()
            }
            try db.create(table: "activities") { t in
                t.primaryKey("id", .text)
                t.column("pair_id", .text).notNull().indexed().references("pairs", onDelete: .cascade)
                t.column("logged_by", .text).notNull().references("participants", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("day", .text).notNull()
                t.column("hours", .double).notNull()
                t.column("notes", .text).notNull()
                t.column("confidential", .boolean).notNull()
                t.column("logged_at", .datetime).notNull()
                t.column("confirmed_at", .datetime)
            }
            try db.create(table: "context_checks") { t in
                t.primaryKey("participant_id", .text).references("participants", onDelete: .cascade)
                t.column("manager_agreement", .text).notNull()
                t.column("checked_at", .datetime).notNull()
            }
            try db.create(table: "evaluations", options: [.withoutRowID]) { t in
                t.column("participant_id", .text).notNull().references("participants", onDelete: .cascade)
                t.column("pair_id", .text).notNull().references("pairs", onDelete: .cascade)
                t.column("data", .jsonText).notNull()
                t.column("finished_at", .datetime)
                t.primaryKey(["participant_id", "pair_id"])
            }
            try db.create(table: "bottlenecks") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("pair_id", .text).notNull().indexed().references("pairs", onDelete: .cascade)
                t.column("participant_id", .text).references("participants", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("detected_at", .datetime).notNull()
                t.column("resolved_at", .datetime)
            }
            try db.create(table: "notices") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("participant_id", .text).notNull().indexed().references("participants", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("text_nl", .text).notNull()
                t.column("text_en", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("shown_at", .datetime)
            }
        }
        migrator.registerMigration("outbox: deliveries, cursor, reminders") { db in
            // One row per message to one target: fanned out from `events` (which every change
            // writes in its own transaction) or from an undelivered Slack reply. The payload and
            // the idempotency key are fixed when the row is written, so a retry — also after a
            // kill -9 — posts the same bytes under the same key.
            try db.create(table: "deliveries") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("source", .text).notNull()
                t.column("event_id", .integer).references("events", onDelete: .cascade)
                t.column("target", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("idempotency_key", .text).notNull().unique()
                t.column("payload", .blob).notNull()
                t.column("ordering_key", .text)
                t.column("status", .text).notNull()
                t.column("attempts", .integer).notNull()
                t.column("next_attempt_at", .datetime).notNull()
                t.column("lease_until", .datetime)
                t.column("last_error", .text)
                t.column("last_status", .integer)
                t.column("created_at", .datetime).notNull()
                t.column("delivered_at", .datetime)
                t.uniqueKey(["source", "target"])
            }
            try db.create(index: "deliveries_due", on: "deliveries", columns: ["status", "next_attempt_at"])
            try db.create(index: "deliveries_on_ordering_key", on: "deliveries", columns: ["ordering_key", "status"],
                          condition: Column("ordering_key") != nil)
            // How far the worker fanned out the events. An existing database starts after its
            // last event: events recorded before notifications existed are not sent months late.
            try db.create(table: "outbox_cursor") { t in
                t.primaryKey("name", .text)
                t.column("last_event_id", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO outbox_cursor (name, last_event_id) SELECT 'events', COALESCE(MAX(id), 0) FROM events")
            // The reminder schedule: one row per occurrence (a pair's silence starting at a
            // moment, a plan ending on a day), so that each is sent once, also across restarts.
            try db.create(table: "reminders") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("pair_id", .text).notNull().references("pairs", onDelete: .cascade)
                t.column("rule", .text).notNull()
                t.column("anchor", .datetime).notNull()
                t.column("due_at", .datetime).notNull()
                t.column("status", .text).notNull()
                t.column("sent_at", .datetime)
                t.column("event_id", .integer)
                t.uniqueKey(["pair_id", "rule", "anchor"])
            }
            try db.create(index: "reminders_due", on: "reminders", columns: ["status", "due_at"])
        }
        migrator.registerMigration("audit log") { db in
            // Append-only: nothing in JobTwin updates or deletes a row, except erasure, which
            // replaces an erased person's id by their anonymous stand-in.
            try db.create(table: "audit_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text)
                t.column("detail", .text).notNull()
            }
        }
        migrator.registerMigration("v4: consents, conversation texts") { db in
            // Consent decisions, append-only: a withdrawal (or a yes after a no) is a new row and
            // the latest row per purpose counts. The text version says what was shown.
            try db.create(table: "consents") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("participant_id", .text).notNull()
                    .references("participants", onDelete: .cascade)
                t.column("purpose", .text).notNull()
                t.column("text_version", .text).notNull()
                t.column("given", .boolean).notNull()
                t.column("recorded_at", .datetime).notNull()
            }
            try db.create(index: "consents_on_participant", on: "consents", columns: ["participant_id", "purpose"])
            // The raw texts of conversations, only written when `conversations.keep_texts` is on:
            // what the participant sent (`in`) and what JobTwin replied (`out`), per turn.
            try db.create(table: "conversation_texts") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("participant_id", .text).notNull()
                    .references("participants", onDelete: .cascade)
                t.column("at", .datetime).notNull()
                t.column("direction", .text).notNull().check { ["in", "out"].contains($0) }
                t.column("text", .text).notNull()
            }
            try db.create(index: "conversation_texts_on_participant", on: "conversation_texts", columns: ["participant_id"])
        }
        migrator.registerMigration("v5: processed requests in arrival order") { db in
            // The stored replies (a kilobyte or two each) were the rows of a table clustered on
            // participant and request id, so every turn inserted into the middle of it, split
            // pages and wrote several of them to the WAL — a third of a turn's cost. As a rowid
            // table they are appended in arrival order; only the small unique index on the key
            // takes the scattered inserts.
            try db.rename(table: "processed_requests", to: "processed_requests_v3")
            try db.drop(index: "processed_requests_on_at")
            try db.create(table: "processed_requests") { t in
                t.column("participant_id", .text).notNull()
                    .references("participants", onDelete: .cascade)
                t.column("channel", .text).notNull()
                t.column("request_id", .text).notNull()
                t.column("reply_json", .blob).notNull()
                t.column("at", .datetime).notNull()
                t.column("delivered_at", .datetime)
                t.uniqueKey(["participant_id", "channel", "request_id"])
            }
            try db.execute(sql: """
                INSERT INTO processed_requests (participant_id, channel, request_id, reply_json, at, delivered_at)
                SELECT participant_id, channel, request_id, reply_json, at, delivered_at FROM processed_requests_v3 ORDER BY at
                """)
            try db.drop(table: "processed_requests_v3")
            try db.create(index: "processed_requests_on_at", on: "processed_requests", columns: ["at"])
            // The replies the notification outbox still has to post (Slack's Events API).
            try db.create(index: "processed_requests_undelivered", on: "processed_requests", columns: ["channel", "at"],
                          condition: Column("delivered_at") == nil)
        }
        migrator.registerMigration("v6: pending erasures") { db in
            // An erasure a participant confirmed in the chat, recorded in the same transaction as
            // that turn. The erasure itself runs after the commit (it vacuums the file, which no
            // transaction can); if the process ends in between, the row says it is still owed,
            // and it is carried out at the next start. The row goes with the participant.
            try db.create(table: "pending_erasures") { t in
                t.primaryKey("participant_id", .text).references("participants", onDelete: .cascade)
                t.column("requested_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v7: message preferences, direct-message cursor") { db in
            // Whether the participant wants the assistant to write to them first (reminders,
            // a plan to confirm, …) — an append-only history of their own choices, with the time,
            // so that the export shows when they said it. No row: yes, the default.
            try db.create(table: "message_preferences") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("participant_id", .text).notNull().references("participants", onDelete: .cascade)
                t.column("direct_messages", .boolean).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(index: "message_preferences_of_participant", on: "message_preferences", columns: ["participant_id", "id"])
            // Direct messages start with the events recorded from now on: an upgrade must not
            // write to people about what happened months ago.
            try db.execute(sql: "INSERT INTO outbox_cursor (name, last_event_id) SELECT 'direct_messages', COALESCE(MAX(id), 0) FROM events")
        }
        migrator.registerMigration("v8: expectations and intended activities") { db in
            // What each partner expects of the other and of the trajectory: one text per
            // participant and pair, replaced when it is written again. It is the participant's
            // own (it goes with them) and belongs to the pair's trajectory (it goes with the pair).
            try db.create(table: "expectations", options: [.withoutRowID]) { t in
                t.column("participant_id", .text).notNull().references("participants", onDelete: .cascade)
                t.column("pair_id", .text).notNull().indexed().references("pairs", onDelete: .cascade)
                t.column("text", .text).notNull()
                t.column("updated_at", .datetime).notNull()
                t.primaryKey(["participant_id", "pair_id"])
            }
            // The kinds of activity the plan intends, as a JSON list of `ActivityKind` values; a
            // plan made before this had none.
            try db.alter(table: "plans") { t in
                t.add(column: "intended_kinds", .jsonText).notNull().defaults(to: "[]")
            }
        }

        migrator.registerMigration("v10: click checks and reported bottlenecks") { db in
            // The answer to the click question, asked once per participant and pair after their
            // first meeting. The participant's own answer: it goes with them.
            try db.create(table: "click_checks", options: [.withoutRowID]) { t in
                t.column("participant_id", .text).notNull().references("participants", onDelete: .cascade)
                t.column("pair_id", .text).notNull().indexed().references("pairs", onDelete: .cascade)
                t.column("answer", .text).notNull()
                t.column("checked_at", .datetime).notNull()
                t.primaryKey(["participant_id", "pair_id"])
            }
            // A knelpunt a participant raised themselves, in their own words, for the
            // coordinator. Also the participant's own: it goes with them.
            try db.create(table: "reported_bottlenecks") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("pair_id", .text).notNull().indexed().references("pairs", onDelete: .cascade)
                t.column("participant_id", .text).notNull().indexed().references("participants", onDelete: .cascade)
                t.column("topic", .text).notNull()
                t.column("words", .text)
                t.column("reported_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v11: invitations and web sessions") { db in
            // A personal link to the web chat. Only the SHA-256 of its token is kept, so that a
            // copy of the file opens nothing. Name, e-mail and side are as the coordinator gave
            // them; the coordinator flag makes the participant a coordinator in the web chat.
            // The participant's own: it goes with them.
            try db.create(table: "invitations") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("participant_id", .text).notNull().indexed().references("participants", onDelete: .cascade)
                t.column("token_hash", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("email", .text)
                t.column("side", .text)
                t.column("coordinator", .boolean).notNull().defaults(to: false)
                t.column("created_at", .datetime).notNull()
                t.column("expires_at", .datetime).notNull()
                t.column("revoked_at", .datetime)
            }
            try db.execute(sql: "CREATE INDEX invitations_on_email ON invitations (lower(email)) WHERE email IS NOT NULL")
            // A browser signed in from a link: the SHA-256 of the cookie's random id. It goes
            // with the participant too.
            try db.create(table: "web_sessions", options: [.withoutRowID]) { t in
                t.primaryKey("id_hash", .text)
                t.column("participant_id", .text).notNull().indexed().references("participants", onDelete: .cascade)
                t.column("created_at", .datetime).notNull()
                t.column("last_seen_at", .datetime).notNull()
                t.column("ended_at", .datetime)
            }
        }
        return migrator
    }
}
