import Foundation
public import TwinLanguage

/// A command the participant can give at any question, in Dutch or English.
public enum GlobalCommand: Sendable, Hashable {
    case help
    case back
    case skip
    case status
    case restart
    /// Switch to a language; `nil` when the participant did not say which.
    case language(Language?)
    case stop
    /// Something that looks like a command (`/foo`) but is not one.
    case unknown(String)

    /// Recognises a command in what the participant typed; `nil` when it is an answer.
    ///
    /// Bare words count (`terug`, `help`) as well as a leading `/` (`/terug`), which Slack-style
    /// users type by habit. Only `/…` that is not a command is reported as unknown: a bare word
    /// that is not a command is an answer.
    public static func parse(_ text: String) -> GlobalCommand? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let slashed = trimmed.hasPrefix("/") || trimmed.hasPrefix("!")
        let body = slashed ? String(trimmed.dropFirst()) : trimmed
        let words = body.lowercased().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return slashed ? .unknown(trimmed) : nil }
        if words.count == 1 {
            switch first {
            // `meer` / `more`: the whole text behind a short one (a question's help).
            case "help", "hulp", "?", "h", "commands", "commando's", "commandos", "meer", "more": return .help
            case "back", "terug", "undo", "vorige": return .back
            case "skip", "overslaan", "sla over": return .skip
            case "status", "waar ben ik", "where am i": return .status
            case "restart", "opnieuw", "herstart", "reset", "start over", "begin opnieuw": return .restart
            case "stop", "pauze", "pause", "later": return .stop
            case "taal", "language", "lang": return .language(nil)
            default: break
            }
        }
        if words.count == 2, ["taal", "language", "lang"].contains(first) {
            return .language(Language(spelling: words[1]))
        }
        let phrase = words.joined(separator: " ")
        switch phrase {
        case "sla over": return .skip
        case "waar ben ik", "where am i": return .status
        case "start over", "begin opnieuw": return .restart
        default: break
        }
        return slashed ? .unknown(trimmed) : nil
    }
}
