public import Foundation

/// A participant's choice about messages the assistant starts itself — reminders, a plan or an
/// activity waiting for them, a match proposal — in the team chat's direct messages. They
/// switch it off with "geen herinneringen" and on again with "herinneringen aan"; every choice is
/// kept with its time (and shown in the export). What they miss is still shown at their next
/// turn.
public struct MessagePreference: Sendable, Hashable {
    /// Whether the assistant may send them direct messages.
    public var directMessages: Bool
    /// When they said so.
    public var at: Date

    /// Creates a preference.
    public init(directMessages: Bool, at: Date) {
        self.directMessages = directMessages
        self.at = at
    }
}
