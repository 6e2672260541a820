import TwinReply
import DialogEngine
import Foundation
import TwinStore

/// The raw texts of one turn, as kept when `AssistantOptions.keepConversationTexts` is on: what
/// the participant sent and what was replied, as plain text.
enum ConversationTexts {
    /// The most characters kept of one text; the engine refuses longer messages anyway.
    static let maxCharacters = InputSanitizer.defaultMaxCharacters

    /// The texts of a turn: the incoming message (none when the conversation was only opened)
    /// and the reply.
    static func of(turn incoming: String?, reply: Reply, at time: Date) -> [ConversationText] {
        var texts: [ConversationText] = []
        if let incoming {
            texts.append(ConversationText(at: time, direction: .incoming, text: String(incoming.prefix(maxCharacters))))
        }
        texts.append(ConversationText(at: time, direction: .outgoing, text: plainText(of: reply)))
        return texts
    }

    /// The reply as the participant read it: its messages, then the question when it is not
    /// already the last message, then the choices numbered as the channels show them.
    static func plainText(of reply: Reply) -> String {
        var lines = reply.messages.map(\.text)
        if let prompt = reply.prompt {
            if lines.last != prompt.text { lines.append(prompt.text) }
            for (index, option) in (prompt.options ?? []).enumerated() {
                lines.append("\(index + 1). \(option.label)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
