public import TwinReply

/// Which question a button, menu or date picker answers, and for whom: the slot, the turn whose
/// reply asked it, a digest of what it offered, and the participant's own user id on the
/// platform. A channel puts it in what the platform sends back on a click (Slack's `block_id`,
/// Mattermost's action context), so that a click on a question the conversation has left — or
/// on a menu whose options moved since — is recognised as such and changes nothing, and a click
/// by someone else on a message that was not theirs is refused.
///
/// A direct message the assistant sends first has no turn: its buttons start a step from the
/// participant's menu (`turn` is `nil`), and count only when the participant is at the menu.
public struct PromptButton: Sendable, Hashable {
    /// The slot the answer goes into (`menu.action`, `plan.confirm`).
    public var slot: String
    /// The turn whose reply asked the question; `nil` for a direct message's start button.
    public var turn: Int?
    /// The question's `Reply.Prompt.fingerprint` when it was shown; `nil` for a start button.
    public var fingerprint: String?
    /// The platform's user id of the participant the button is for (Slack's `U…`); `nil` when
    /// the platform checks that itself.
    public var owner: String?

    /// Creates the identity of a question.
    public init(slot: String, turn: Int?, fingerprint: String? = nil, owner: String? = nil) {
        self.slot = slot
        self.turn = turn
        self.fingerprint = fingerprint
        self.owner = owner
    }

    /// The question `reply` asks, when it asks one and its turn is known; `owner` as given.
    public init?(_ reply: Reply, owner: String? = nil) {
        guard let prompt = reply.prompt, let turn = reply.turn else { return nil }
        self.init(slot: prompt.slot, turn: turn, fingerprint: prompt.fingerprint, owner: owner)
    }

    /// The compact form `jt2|TURN|FINGERPRINT|OWNER|SLOT` (`-` for what is not there), at most
    /// 255 characters for a slot name of up to 200.
    public var encoded: String {
        ["jt2", turn.map(String.init) ?? "-", fingerprint ?? "-", owner ?? "-", slot].joined(separator: "|")
    }

    /// Reads the compact form back; `nil` for anything that is not one of ours.
    public init?(encoded: String) {
        let parts = encoded.split(separator: "|", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == "jt2", !parts[4].isEmpty, parts[4].count <= 200,
              parts[2].count <= 8, parts[3].count <= 32, !parts[3].contains(" ") else { return nil }
        if parts[1] == "-" {
            turn = nil
        } else {
            guard let number = Int(parts[1]), number > 0 else { return nil }
            turn = number
        }
        fingerprint = parts[2] == "-" ? nil : parts[2]
        owner = parts[3] == "-" ? nil : parts[3]
        slot = parts[4]
    }
}
