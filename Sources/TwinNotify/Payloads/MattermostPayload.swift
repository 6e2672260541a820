import JSONText
import Foundation
import TwinLanguage

/// Mattermost incoming webhook: Markdown `text` and the sender's `username`.
enum MattermostPayload {
    static func make(_ message: NotificationMessage, language: Language, username: String) -> JSONValue {
        let text = "#### \(defuse(message.title.text(in: language)))\n\(defuse(message.text.text(in: language)))"
        return .object([("text", .string(text)), ("username", .string(username))])
    }

    /// A zero-width space after `@`, so that a name like `@channel` notifies nobody.
    static func defuse(_ text: String) -> String {
        text.replacingOccurrences(of: "@", with: "@\u{200B}")
    }
}
