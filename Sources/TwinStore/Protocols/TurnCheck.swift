public import Twinning

/// A turn whose checks a transaction is about to read, for `TwinReader.prepareTurnChecks(_:)`:
/// the participant, and the channel's request the turn answers, if any.
public struct TurnCheck: Sendable, Hashable {
    /// Whose turn it is.
    public var participant: ParticipantID
    /// The channel of the request the turn answers, with `requestID`.
    public var channel: String?
    public var requestID: String?
    /// The turn count of the conversation the caller holds (the turn was computed from it), or
    /// a negative number other than -1 when it holds none: a store may then read the stored
    /// conversation with the checks when its count is another.
    public var expectedTurns: Int?

    /// A turn of `participant`, answering `requestID` on `channel` if given, computed from the
    /// conversation at `expectedTurns` if given.
    public init(participant: ParticipantID, channel: String? = nil, requestID: String? = nil, expectedTurns: Int? = nil) {
        self.participant = participant
        self.channel = channel
        self.requestID = requestID
        self.expectedTurns = expectedTurns
    }
}
