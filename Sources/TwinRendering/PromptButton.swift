public import TwinReply

/// Which question a button, menu or date picker answers: the slot and the turn whose reply
/// asked it. A channel puts it in what the platform sends back on a click (Slack's `block_id`,
/// Mattermost's action context), so that a click on a question the conversation has left is
/// recognised as such and changes nothing.
///
/// A direct message the assistant sends first has no turn: its buttons start a step from the
/// participant's menu (`turn` is `nil`), and count only when the participant is at the menu.
public struct PromptButton: Sendable, Hashable {
    /// The slot the answer goes into (`menu.action`, `plan.confirm`).
    public var slot: String
    /// The turn whose reply asked the question; `nil` for a direct message's start button.
    public var turn: Int?

    /// Creates the identity of a question.
    public init(slot: String, turn: Int?) {
        self.slot = slot
        self.turn = turn
    }

    /// The question `reply` asks, when it asks one and its turn is known.
    public init?(_ reply: Reply) {
        guard let prompt = reply.prompt, let turn = reply.turn else { return nil }
        self.init(slot: prompt.slot, turn: turn)
    }

    /// The compact form, at most 255 characters for a slot name of up to 200: `jt1|TURN|SLOT`,
    /// `-` for a start button's turn.
    public var encoded: String {
        "jt1|" + (turn.map(String.init) ?? "-") + "|" + slot
    }

    /// Reads the compact form back; `nil` for anything that is not one of ours.
    public init?(encoded: String) {
        let parts = encoded.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "jt1", !parts[2].isEmpty, parts[2].count <= 200 else { return nil }
        if parts[1] == "-" {
            turn = nil
        } else {
            guard let number = Int(parts[1]), number > 0 else { return nil }
            turn = number
        }
        slot = String(parts[2])
    }
}
