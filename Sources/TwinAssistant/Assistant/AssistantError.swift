import Twinning

/// Why the assistant could not take a message at all (as opposed to an answer it rejected,
/// which is an ordinary reply with an `error` message).
public enum AssistantError: Error, Sendable, CustomStringConvertible {
    /// The participant id is not of the form `CHANNEL:ID`.
    case invalidParticipant(String)
    /// The database failed; nothing of the turn was kept.
    case storage(String)

    public var description: String {
        switch self {
        case .invalidParticipant(let text):
            return "`\(text.prefix(80))` is not a participant id; use CHANNEL:ID such as repl:anna or api:u1 (at most \(ParticipantID.maxLength) characters, no spaces)."
        case .storage(let reason):
            return "The database could not save this turn, so nothing of it was kept: \(reason)"
        }
    }
}
