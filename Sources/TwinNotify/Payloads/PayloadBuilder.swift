public import JSONText
public import Foundation
public import TwinLanguage
public import TwinConfiguration

/// Writes a notification as the body a target's platform expects.
public enum PayloadBuilder {
    /// The JSON body of `message` for `target` (its format and language).
    public static func body(_ message: NotificationMessage, for target: NotificationTarget) -> Data {
        payload(message, format: target.format, language: target.language, username: target.username).data()
    }

    /// The payload of `message` in `format`, with the texts in `language`.
    public static func payload(_ message: NotificationMessage, format: NotificationFormat, language: Language,
                               username: String = "JobTwin") -> JSONValue {
        switch format {
        case .slack: return SlackPayload.make(message, language: language)
        case .mattermost: return MattermostPayload.make(message, language: language, username: username)
        case .teams: return TeamsPayload.adaptiveCard(message, language: language)
        case .teamsLegacy: return TeamsPayload.messageCard(message, language: language)
        case .discord: return DiscordPayload.make(message, language: language)
        case .json: return GenericJSONPayload.make(message, language: language)
        }
    }
}
