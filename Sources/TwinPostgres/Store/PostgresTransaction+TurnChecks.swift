import Foundation
import PostgresNIO
import TwinStore
import Twinning

/// The checks of a batch of turns in one statement (`TwinReader.prepareTurnChecks`): on
/// PostgreSQL every statement is a trip to the server and back, and a turn's checks were seven
/// of them.
extension PostgresTransaction {
    func prepareTurnChecks(_ turns: [TurnCheck]) throws {
        guard !turns.isEmpty else { return }
        // An empty channel stands for "no request": PostgreSQL's arrays of text take no nil here.
        let ids = turns.map(\.participant.description)
        let channels = turns.map { $0.requestID == nil ? "" : $0.channel ?? "" }
        let requests = turns.map { $0.requestID ?? "" }
        // -1: no count given. The conversation itself is read only when its count is another
        // (the turn is computed again from it; -2 matches no count): it is the largest column.
        let expected = turns.map { Int64($0.expectedTurns ?? -1) }
        let rows = try connection.rows("""
            SELECT k.pid AS checked_id, (p.id IS NOT NULL) AS checked_known, p.*, s.turns AS checked_turns,
                   EXISTS (SELECT 1 FROM notices n WHERE n.participant_id = k.pid AND n.shown_at IS NULL) AS checked_notices,
                   EXISTS (SELECT 1 FROM pairs x WHERE x.teacher_id = k.pid OR x.professional_id = k.pid) AS checked_paired,
                   COALESCE((SELECT f.consent_given_at IS NOT NULL FROM profiles f WHERE f.participant_id = k.pid), false) AS checked_open,
                   EXISTS (SELECT 1 FROM invitations i WHERE i.participant_id = k.pid AND i.coordinator AND i.revoked_at IS NULL)
                       AS checked_coordinator,
                   (k.channel <> '' AND EXISTS (SELECT 1 FROM processed_requests r
                       WHERE r.participant_id = k.pid AND r.channel = k.channel AND r.request_id = k.request)) AS checked_taken,
                   CASE WHEN k.expected <> -1 AND s.turns <> k.expected THEN s.state END AS checked_state,
                   s.updated_at AS checked_updated_at
            FROM unnest(\(ids)::text[], \(channels)::text[], \(requests)::text[], \(expected)::int8[])
                WITH ORDINALITY AS k (pid, channel, request, expected, position)
            LEFT JOIN participants p ON p.id = k.pid
            LEFT JOIN sessions s ON s.participant_id = k.pid
            ORDER BY k.position
            """)
        guard rows.count == turns.count else { return }
        var checks = PreparedTurnChecks(writes: connection.writesSent)
        for (row, turn) in zip(rows, turns) {
            let cells = row.makeRandomAccess()
            let known = try cells["checked_known"].decode(Bool.self)
            var conversation: StoredSession?
            if let state = try cells["checked_state"].decode(Data?.self), let turns = try cells["checked_turns"].decode(Int?.self),
               let updatedAt = try cells["checked_updated_at"].decode(Date?.self) {
                conversation = StoredSession(participant: turn.participant, state: state, turns: turns, updatedAt: updatedAt)
            }
            let facts = PreparedTurnChecks.Facts(
                participant: known ? try RowDecoder.decode(ParticipantRecord.self, from: row) : nil,
                turns: try cells["checked_turns"].decode(Int?.self),
                hasPendingNotices: try cells["checked_notices"].decode(Bool.self),
                isInAPair: try cells["checked_paired"].decode(Bool.self),
                isProfileOpen: try cells["checked_open"].decode(Bool.self),
                isWebCoordinator: try cells["checked_coordinator"].decode(Bool.self),
                conversation: conversation)
            checks.facts[try cells["checked_id"].decode(String.self)] = facts
            if let channel = turn.channel, let requestID = turn.requestID, try !cells["checked_taken"].decode(Bool.self) {
                checks.requestsNotTaken.insert(PreparedTurnChecks.key(channel: channel, requestID: requestID,
                                                                      participant: turn.participant.description))
            }
        }
        prepared = checks
    }

    /// The prepared checks, while nothing else was written since they were read.
    var currentPrepared: PreparedTurnChecks? {
        guard let prepared, prepared.writes == connection.writesSent else { return nil }
        return prepared
    }

    /// The prepared checks of `id`, while they are current.
    func preparedFacts(_ id: ParticipantID) -> PreparedTurnChecks.Facts? {
        currentPrepared?.facts[id.description]
    }

    /// Runs `write`, a write the prepared checks can follow, and brings them up to date with
    /// `update` — when they were up to date before it.
    func keepingPrepared(_ write: () throws -> Void, update: (inout PreparedTurnChecks) -> Void) rethrows {
        let wasCurrent = currentPrepared != nil
        try write()
        guard wasCurrent, var checks = prepared else { return }
        update(&checks)
        checks.writes = connection.writesSent
        prepared = checks
    }
}
