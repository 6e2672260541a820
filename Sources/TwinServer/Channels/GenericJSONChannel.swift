import Foundation
import Hummingbird
import Twinning
import TwinAssistant
import TwinReply
import TwinLanguage

/// `POST /v1/messages`: the plain JSON channel of the reply contract for any integration.
///
/// The request is `{"participant": "u1", "text": "…", "lang": "en", "id": "…"}` with
/// `Authorization: Bearer <token>`; the response is the structured reply. The participant is
/// `api:<participant>`. With an `id`, the same id again returns the stored reply and applies
/// nothing twice — also after a restart.
struct GenericJSONChannel: Sendable {
    static let path = "/v1/messages"
    static let example = #"{"participant": "u1", "text": "hello", "lang": "en", "id": "msg-1"}"#

    let token: BearerToken
    let body: BodyReader
    let turns: TurnTaker

    /// The JSON request body.
    private struct Message: Decodable {
        let participant: String
        let text: String
        let lang: String?
        let id: String?
    }

    func handle(_ request: Request, context: ServerRequestContext) async throws -> Response {
        // Credentials first: an unauthorized client cannot make the server read its body.
        guard token.authorizes(request) else { throw ServerError.unauthorized(scheme: "Bearer") }
        let text = try await body.text(request)
        let reply = try await turns.take(try parse(text), channel: "api", notes: context.notes)
        return JSONResponse.make(reply)
    }

    private func parse(_ text: String) throws(ServerError) -> IncomingMessage {
        let message: Message
        do {
            message = try JSONDecoder().decode(Message.self, from: Data(text.utf8))
        } catch {
            throw DecodingProblem.json(error, example: Self.example)
        }
        // `api:u1` (as replies name it) and `u1` are the same participant.
        let local = message.participant.hasPrefix("api:") ? String(message.participant.dropFirst(4)) : message.participant
        guard let participant = ParticipantID(channel: "api", local: local) else {
            throw .badRequest("invalid_participant", "`participant` must be an id of 1 to 250 characters without spaces or control characters, such as \"u1\".")
        }
        var lang: Language?
        if let spelling = message.lang {
            guard let parsed = Language(spelling: spelling) else { throw .badRequest("invalid_lang", "`lang` must be \"nl\" or \"en\".") }
            lang = parsed
        }
        var requestID: ChannelRequestID?
        if let id = message.id {
            guard let parsed = ChannelRequestID(channel: "api", value: id) else {
                throw .badRequest("invalid_id", "`id` must be 1 to \(ChannelRequestID.maxLength) characters without control characters.")
            }
            requestID = parsed
        }
        return IncomingMessage(participant: participant, text: message.text, lang: lang, requestID: requestID)
    }
}
