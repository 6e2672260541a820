public import Twinning

/// A recorded event with its place in the `events` table: the outbox's source, read in order of
/// `id` so that the notification worker can remember how far it got.
public struct StoredEvent: Sendable, Hashable {
    /// The event's row id; later events have larger ids.
    public var id: Int64
    /// What happened.
    public var event: ProgrammeEvent

    /// Creates a stored event.
    public init(id: Int64, event: ProgrammeEvent) {
        self.id = id
        self.event = event
    }
}
