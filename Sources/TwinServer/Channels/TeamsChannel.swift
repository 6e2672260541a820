import Foundation
import Hummingbird
import Twinning
import TwinAssistant
import TwinReply
import TwinRendering
import JSONText

/// `POST /teams`: a Microsoft Teams outgoing webhook (a channel's `@JobTwin …` message).
///
/// The request is signed with `Authorization: HMAC <base64>` over the raw body; the
/// participant is `teams:<from.aadObjectId>` (or `from.id` when Teams sends no AAD id); the
/// mention is removed from the text. The reply is `{"type": "message", "text": …}`, within
/// Teams' 5 seconds: when the turn has not finished by `deadline` (4.5 s by default), the
/// answer says the message was received and to send `status` in a moment — an outgoing
/// webhook cannot answer later — while the turn runs on and is stored. The activity's `id`
/// makes a repeated delivery harmless.
struct TeamsChannel: Sendable {
    static let path = "/teams"

    let verifier: TeamsSignatureVerifier
    let body: BodyReader
    let turns: TurnTaker
    let deadline: Duration

    /// The parts of a Teams activity that matter here.
    private struct Activity: Decodable {
        struct From: Decodable {
            let id: String?
            let aadObjectId: String?
        }
        let type: String?
        let id: String?
        let text: String?
        let from: From?
    }

    func handle(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let bytes = try await body.collect(request)
        guard verifier.isValid(authorization: request.headers[.authorization], body: bytes.readableBytesView) else {
            throw ServerError.unauthorized()
        }
        let activity: Activity
        do {
            activity = try JSONDecoder().decode(Activity.self, from: Data(try BodyReader.utf8(bytes).utf8))
        } catch let error as ServerError {
            throw error
        } catch {
            throw DecodingProblem.json(error, example: #"{"type": "message", "id": "1", "text": "<at>JobTwin</at> hello", "from": {"id": "29:…"}}"#)
        }
        guard activity.type == nil || activity.type == "message" else { return Response(status: .ok) }
        let sender = [activity.from?.aadObjectId, activity.from?.id].compactMap { $0 }.first { !$0.isEmpty }
        guard let sender, let participant = ParticipantID(channel: "teams", local: sender) else {
            throw ServerError.badRequest("missing_field", "A Teams activity needs `from.id` or `from.aadObjectId`.")
        }
        let message = IncomingMessage(participant: participant, text: TeamsText.plain(activity.text ?? ""),
                                      requestID: activity.id.flatMap { ChannelRequestID(channel: "teams", value: $0) },
                                      emptyTextOpens: true)
        let outcome = try await turns.take(message, channel: "teams", notes: context.notes, within: deadline) { _ in
            // Stored by the turn itself; a failure was logged by it. Teams cannot be answered later.
        }
        switch outcome {
        case .inTime(let reply):
            return JSONResponse.make(TeamsRenderer.activity(reply))
        case .late(let language):
            return JSONResponse.make(JSONValue.object([("type", "message"),
                                                       ("text", .string(InterimReplyText.received(language, status: "**status**")))]))
        }
    }
}
