package import Foundation
import GRDB
package import Twinning

/// A row of `goals`.
package struct GoalRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "goals"
    package var id: String
    package var pair_id: String
    package var owner_id: String?
    package var text: String
    package var long_term: Bool
    package var created_at: Date

    package init(_ goal: Goal) {
        id = goal.id
        pair_id = goal.pairID
        owner_id = goal.owner?.description
        text = goal.text
        long_term = goal.isLongTerm
        created_at = goal.createdAt
    }

    package func goal() -> Goal {
        Goal(id: id, pairID: pair_id, owner: owner_id.flatMap(ParticipantID.init), text: text, isLongTerm: long_term, createdAt: created_at)
    }
}

/// A row of `plans`.
package struct PlanRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "plans"
    package var pair_id: String
    package var version: Int
    package var weeks: Int
    package var meetings: Int
    package var hours: Double
    package var period: String
    package var agreements: String
    package var proposed_by: String
    package var proposed_at: Date
    package var confirmed_versions: [String: Int]
    package var fixed_at: Date?
    package var deviation_reasons: [String: String]
    package var intended_kinds: [String]

    package init(_ plan: Plan) {
        pair_id = plan.pairID
        version = plan.version
        weeks = plan.weeks
        meetings = plan.meetings
        hours = plan.hours
        period = plan.period
        agreements = plan.agreements
        proposed_by = plan.proposedBy.description
        proposed_at = plan.proposedAt
        confirmed_versions = Dictionary(uniqueKeysWithValues: plan.confirmedVersions.map { ($0.key.description, $0.value) })
        fixed_at = plan.fixedAt
        deviation_reasons = Dictionary(uniqueKeysWithValues: plan.deviationReasons.map { ($0.key.rawValue, $0.value) })
        intended_kinds = plan.intendedKinds.map(\.rawValue)
    }

    package func plan() throws -> Plan {
        guard let proposer = ParticipantID(proposed_by) else {
            throw StoreError.corruptRow(table: "plans", key: pair_id, reason: "unknown proposer")
        }
        var plan = Plan(pairID: pair_id, weeks: weeks, meetings: meetings, hours: hours, period: period, agreements: agreements,
                        proposedBy: proposer, at: proposed_at)
        plan.version = version
        plan.confirmedVersions = Dictionary(uniqueKeysWithValues: confirmed_versions.compactMap { key, value in
            ParticipantID(key).map { ($0, value) }
        })
        plan.fixedAt = fixed_at
        plan.deviationReasons = Dictionary(uniqueKeysWithValues: deviation_reasons.compactMap { key, value in
            GuidelineRule(rawValue: key).map { ($0, value) }
        })
        // A kind this version does not know (written by a newer one) is left out, not fatal.
        plan.intendedKinds = intended_kinds.compactMap(ActivityKind.init(rawValue:))
        return plan
    }
}

/// A row of `expectations`.
package struct ExpectationRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "expectations"
    package var participant_id: String
    package var pair_id: String
    package var text: String
    package var updated_at: Date

    package init(_ expectation: Expectation) {
        participant_id = expectation.participant.description
        pair_id = expectation.pairID
        text = expectation.text
        updated_at = expectation.updatedAt
    }

    package func expectation() throws -> Expectation {
        guard let participant = ParticipantID(participant_id) else {
            throw StoreError.corruptRow(table: "expectations", key: pair_id, reason: "unknown participant")
        }
        return Expectation(pairID: pair_id, participant: participant, text: text, updatedAt: updated_at)
    }
}

/// A row of `activities`.
package struct ActivityRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "activities"
    package var id: String
    package var pair_id: String
    package var logged_by: String
    package var kind: String
    package var day: String
    package var hours: Double
    package var notes: String
    package var confidential: Bool
    package var logged_at: Date
    package var confirmed_at: Date?

    package init(_ activity: Activity) {
        id = activity.id
        pair_id = activity.pairID
        logged_by = activity.loggedBy.description
        kind = activity.kind.rawValue
        day = activity.day
        hours = activity.hours
        notes = activity.notes
        confidential = activity.isConfidential
        logged_at = activity.loggedAt
        confirmed_at = activity.confirmedAt
    }

    package func activity() throws -> Activity {
        guard let by = ParticipantID(logged_by), let kind = ActivityKind(rawValue: kind) else {
            throw StoreError.corruptRow(table: "activities", key: id, reason: "unknown participant or kind")
        }
        return Activity(id: id, pairID: pair_id, loggedBy: by, kind: kind, day: day, hours: hours, notes: notes,
                        isConfidential: confidential, loggedAt: logged_at, confirmedAt: confirmed_at)
    }
}
