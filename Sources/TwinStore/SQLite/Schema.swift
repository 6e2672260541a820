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
        return migrator
    }
}
