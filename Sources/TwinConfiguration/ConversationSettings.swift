import Yams

/// What is kept of the conversations themselves (`conversations:` in the configuration).
///
/// ```yaml
/// conversations: {keep_texts: false}
/// ```
///
/// By default only the answers are stored (and the conversation's state). With `keep_texts:
/// true` every turn also stores, in the same transaction, what the participant sent and what
/// was replied, word for word — for support or research; the consent text then says so. They are
/// exported and erased with the participant, and purged with closed trajectories.
public struct ConversationSettings: Sendable, Hashable {
    /// Whether raw conversation texts are kept.
    public var keepTexts = false

    /// The defaults: answers only.
    public init() {}

    /// Reads the `conversations:` mapping; `place` names a node's file and line for messages.
    static func read(_ node: Node, place: (Node) -> String) throws(ConfigurationError) -> ConversationSettings {
        guard case .mapping(let mapping) = node else {
            throw .invalid(place(node), "`conversations:` is a mapping such as {keep_texts: false}")
        }
        var settings = ConversationSettings()
        for (keyNode, value) in mapping {
            guard keyNode.string == "keep_texts" else {
                throw .invalid(place(keyNode), "unknown setting `conversations.\(keyNode.string ?? "")` (known: keep_texts)")
            }
            guard let keep = value.bool else {
                throw .invalid(place(value), "`conversations.keep_texts` is true (keep what participants send and what is replied) or false (keep the answers only)")
            }
            settings.keepTexts = keep
        }
        return settings
    }
}
