import TwinStore

/// What `PostgresTransaction.prepareTurnChecks(_:)` read for a batch of turns in one statement,
/// to answer the single reads of their checks without a trip to the server each.
///
/// Valid only while no other write was sent on the connection since (`writes`): the writes of
/// a turn that the checks can see (its session's counter, its participant's last activity,
/// its request) bring it up to date themselves; any other write makes every read go to the
/// server again.
struct PreparedTurnChecks {
    /// One participant's checks.
    struct Facts {
        /// The participant's row; nil when they are not known.
        var participant: ParticipantRecord?
        /// The stored conversation's turn count; nil without one.
        var turns: Int?
        var hasPendingNotices: Bool
        var isInAPair: Bool
        var isProfileOpen: Bool
        var isWebCoordinator: Bool
        /// The stored conversation, when it was read with the checks (its count was not the
        /// one the turn expected).
        var conversation: StoredSession?
    }

    /// By participant id.
    var facts: [String: Facts] = [:]
    /// The requests (`key(channel:requestID:participant:)`) known not to have been taken.
    var requestsNotTaken: Set<String> = []
    /// `WaitingConnection.writesSent` when these were last true.
    var writes: Int

    /// How a request is named in `requestsNotTaken`.
    static func key(channel: String, requestID: String, participant: String) -> String {
        "\(channel)\u{1F}\(requestID)\u{1F}\(participant)"
    }
}
