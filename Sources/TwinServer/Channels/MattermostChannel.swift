import Foundation
import Hummingbird
import Twinning
import TwinAssistant
import TwinReply
import TwinConfiguration
import TwinRendering

/// `POST /mattermost`: Mattermost outgoing webhooks and slash commands, form-encoded or JSON.
///
/// The request's `token` must be one of the configured tokens (compared in constant time). The
/// participant is `mattermost:<team_id, or channel_id when there is no team>:<user_id>`. The
/// reply is `{"text": …}`, with `"response_type": "ephemeral"` for slash commands so that only
/// the sender sees it. An outgoing webhook's trigger word is removed from the text.
struct MattermostChannel: Sendable {
    static let path = "/mattermost"
    static let example = #"{"token": "…", "team_id": "t1", "user_id": "u1", "text": "hello"}"#

    let tokens: [Secret]
    let body: BodyReader
    let turns: TurnTaker
    /// Where message buttons call back and the key of their tokens; `nil`: no buttons (the
    /// server's public address is not configured).
    let buttons: (actionURL: String, token: ActionToken)?

    /// The fields shared by outgoing webhooks and slash commands.
    struct Payload: Decodable {
        let token: String?
        let team_id: String?
        let channel_id: String?
        let user_id: String?
        let text: String?
        let trigger_word: String?
        let command: String?
        let post_id: String?
        let trigger_id: String?
    }

    func handle(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let text = try await body.text(request)
        let payload = try parse(text, contentType: request.headers[.contentType])
        // The token is inside the body, so the body is parsed first; a missing and a wrong
        // token get the same answer.
        guard let token = payload.token, SecretComparison.matchesAny(token, tokens.map(\.value)) else {
            throw ServerError.unauthorized()
        }
        let place = [payload.team_id, payload.channel_id].compactMap { $0 }.first { !$0.isEmpty }
        guard let place, let user = payload.user_id, !user.isEmpty,
              let participant = ParticipantID(channel: "mattermost", local: "\(place):\(user)") else {
            throw ServerError.badRequest("missing_field", "A Mattermost request needs `user_id` and `team_id` or `channel_id`.")
        }
        var words = payload.text ?? ""
        if let trigger = payload.trigger_word, !trigger.isEmpty, words.hasPrefix(trigger) {
            words = String(words.dropFirst(trigger.count)).trimmingCharacters(in: .whitespaces)
        }
        let requestID = [payload.post_id, payload.trigger_id].compactMap { $0 }.first { !$0.isEmpty }
            .flatMap { ChannelRequestID(channel: "mattermost", value: $0) }
        let message = IncomingMessage(participant: participant, text: words, requestID: requestID, emptyTextOpens: true)
        let reply = try await turns.take(message, channel: "mattermost", notes: context.notes)
        // Buttons come with slash commands, whose answer only the sender sees; an outgoing
        // webhook answers in the channel for everyone, so it keeps the numbers to type.
        let buttons = payload.command == nil ? nil : self.buttons.map {
            MattermostRenderer.Buttons(actionURL: $0.actionURL, participant: participant.description, token: $0.token)
        }
        return JSONResponse.make(MattermostRenderer.response(reply, slashCommand: payload.command != nil, buttons: buttons))
    }

    private func parse(_ text: String, contentType: String?) throws(ServerError) -> Payload {
        let isJSON = contentType?.lowercased().contains("json") ?? text.drop(while: \.isWhitespace).hasPrefix("{")
        guard isJSON else { return try FormDecoding.decode(Payload.self, from: text) }
        do {
            return try JSONDecoder().decode(Payload.self, from: Data(text.utf8))
        } catch {
            throw DecodingProblem.json(error, example: Self.example)
        }
    }
}
