import Foundation
import Hummingbird
import JSONText
import Twinning
import TwinAssistant
import TwinReply
import TwinRendering

/// `POST /mattermost/actions`: a click on a message button or a choice in a message menu of one
/// of our Mattermost posts (interactive messages).
///
/// Mattermost does not sign these requests, so every button carries a token of ours in its
/// `context` — an HMAC over the participant, the question and the answer, keyed with the
/// server's secret (`ActionToken`) — and a request without a valid one is refused (401). The
/// clicker must be the participant the button was made for. A click that answers the question
/// the conversation is at updates the clicked post: the answer given, then the next reply with
/// its own buttons; a click on an earlier question changes nothing and gets a note only the
/// clicker sees. The click's `trigger_id` is its request id: a repeated one changes nothing.
struct MattermostActionsChannel: Sendable {
    static let path = "/mattermost/actions"

    let token: ActionToken
    let actionURL: String?
    let body: BodyReader
    let turns: TurnTaker

    func handle(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let text = try await body.text(request)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw ServerError.badRequest("invalid_json", #"A Mattermost action is a JSON object such as {"user_id": "u1", "context": {…}}."#)
        }
        let fields = object["context"] as? [String: Any] ?? [:]
        typealias Key = MattermostRenderer.ContextKey
        guard let participantText = fields[Key.participant] as? String, let participant = ParticipantID(participantText),
              let button = (fields[Key.button] as? String).flatMap(PromptButton.init(encoded:)),
              let signed = fields[Key.answer] as? String, let token = fields[Key.token] as? String,
              self.token.isValid(token, participant: participantText, button: button, answer: signed) else {
            throw ServerError.unauthorized()
        }
        // The button is the participant's: someone else in the channel cannot answer for them.
        guard let user = object["user_id"] as? String, user == participant.platformUser else {
            return JSONResponse.make(MattermostRenderer.ephemeral(PromptAnswers.notYoursNote))
        }
        let answer: String, label: String
        if signed.hasPrefix("menu:"), let count = Int(signed.dropFirst("menu:".count)) {
            guard let chosen = fields[Key.selectedOption] as? String, let number = Int(chosen), (1...count).contains(number) else {
                throw ServerError.badRequest("invalid_choice", "The menu's chosen option is not one of its options.")
            }
            let labels = fields[Key.labels] as? [String] ?? []
            answer = chosen
            label = labels.indices.contains(number - 1) ? labels[number - 1] : chosen
        } else {
            answer = signed
            label = fields[Key.label] as? String ?? signed
        }
        let clickID = (object["trigger_id"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        let press = ButtonPress(participant: participant, slot: button.slot, turn: button.turn, fingerprint: button.fingerprint, answer: answer,
                                requestID: clickID.flatMap { ChannelRequestID(channel: "mattermost-actions", value: $0) })
        let buttons = actionURL.map { MattermostRenderer.Buttons(actionURL: $0, participant: participantText, token: self.token) }
        switch try await turns.press(press, channel: "mattermost", notes: context.notes) {
        case .answered(let reply, let question):
            return JSONResponse.make(MattermostRenderer.update(question: question, answer: label, next: reply, buttons: buttons))
        case .repeated:
            return JSONResponse.make(JSONValue.object([]))
        case .stale(let language):
            return JSONResponse.make(MattermostRenderer.ephemeral(PromptAnswers.staleNote(in: language)))
        case .refused(let reply):
            // The post shows the reason and the question again, with buttons of the new turn.
            return JSONResponse.make(MattermostRenderer.update(next: reply, buttons: buttons))
        case .notTaken(let reply):
            return JSONResponse.make(MattermostRenderer.ephemeral(MattermostRenderer.text(reply)))
        }
    }

}
