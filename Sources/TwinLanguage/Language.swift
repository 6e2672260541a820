import Foundation

/// A language every user-facing text of a dialog exists in.
///
/// Dutch is the default: the programme's participants are Dutch teachers and professionals.
public enum Language: String, Codable, Sendable, CaseIterable, Hashable {
    case nl
    case en

    /// The language new participants get when nobody chose one.
    public static let `default`: Language = .nl

    /// Reads a language from a user's or a configuration's spelling (`nl`, `NL`, `Nederlands`,
    /// `english`, …); `nil` when it is not one of ours.
    public init?(spelling: String) {
        switch spelling.trimmingCharacters(in: .whitespaces).lowercased() {
        case "nl", "nederlands", "dutch", "nl-nl", "nl_nl": self = .nl
        case "en", "engels", "english", "en-gb", "en-us", "en_gb", "en_us": self = .en
        default: return nil
        }
    }
}

extension Language {
    /// The text in this language, from its two translations: `LocalizedText(nl:en:)` read at
    /// once, for a text that is written where it is shown.
    public func text(nl: String, en: String) -> String {
        LocalizedText(nl: nl, en: en).text(in: self)
    }
}
