import Foundation
import Hummingbird
import Logging
import Twinning
import TwinAssistant
import TwinReply

/// `POST /slack/events`: Slack's Events API — direct messages to the app (`message.im`).
///
/// It answers the `url_verification` challenge, takes a message and acknowledges it with 200 as
/// soon as its turn is committed (milliseconds: an acknowledged message is never lost, and
/// Slack's 3 seconds are kept). Slack retries an event it thinks was not acknowledged
/// (`X-Slack-Retry-Num`); the retry carries the same `event_id` and gets nothing taken twice.
/// Messages of bots (the app's own among them) and edited, deleted or other subtyped messages
/// are acknowledged and ignored.
///
/// The reply cannot go back in the response: the Events API wants it posted with
/// `chat.postMessage`. The reply is kept in `processed_requests`, marked as not delivered, and
/// the notification outbox (TwinNotify) posts it with the bot token and marks it delivered.
struct SlackEventsChannel: Sendable {
    static let path = "/slack/events"

    let verifier: SlackSignatureVerifier
    let body: BodyReader
    let turns: TurnTaker
    let logger: Logger

    /// The envelope of every Events API request.
    private struct Envelope: Decodable {
        let type: String
        let challenge: String?
        let team_id: String?
        let event_id: String?
        let event: Event?
    }

    /// The inner event; only the fields of a message matter.
    private struct Event: Decodable {
        let type: String?
        let channel_type: String?
        let subtype: String?
        let bot_id: String?
        let user: String?
        let team: String?
        let text: String?
    }

    private struct Challenge: Encodable {
        let challenge: String
    }

    func handle(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let bytes = try await body.collect(request)
        guard verifier.isValid(signature: request.header("X-Slack-Signature"),
                               timestamp: request.header("X-Slack-Request-Timestamp"), body: bytes.readableBytesView) else {
            throw ServerError.unauthorized()
        }
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: Data(try BodyReader.utf8(bytes).utf8))
        } catch let error as ServerError {
            throw error
        } catch {
            throw DecodingProblem.json(error, example: #"{"type": "event_callback", "event_id": "Ev1", "team_id": "T1", "event": {…}}"#)
        }
        switch envelope.type {
        case "url_verification":
            guard let challenge = envelope.challenge else {
                throw ServerError.badRequest("missing_field", "A `url_verification` request needs its `challenge`.")
            }
            return JSONResponse.make(Challenge(challenge: challenge))
        case "event_callback":
            guard let event = envelope.event, let eventID = envelope.event_id,
                  let requestID = ChannelRequestID(channel: "slack-events", value: eventID, repliedInResponse: false) else {
                throw ServerError.badRequest("missing_field", "An `event_callback` needs its `event_id` and `event`.")
            }
            guard event.type == "message", event.channel_type == "im", event.subtype == nil, event.bot_id == nil,
                  let user = event.user, let team = envelope.team_id ?? event.team,
                  let participant = ParticipantID(channel: "slack", local: "\(team):\(user)") else {
                // Not a person's direct message: acknowledged so that Slack does not retry it.
                return Response(status: .ok)
            }
            let message = IncomingMessage(participant: participant, text: event.text ?? "", requestID: requestID, emptyTextOpens: true)
            _ = try await turns.take(message, channel: "slack", notes: context.notes)
            logger.debug("Events API reply kept undelivered until the notification outbox posts it", metadata: [
                "participant": "\(context.notes.participantHash ?? "?")",
                "retry": "\(request.header("X-Slack-Retry-Num") ?? "0")",
            ])
            return Response(status: .ok)
        default:
            // Other envelope types (app_rate_limited, …) need nothing from us.
            return Response(status: .ok)
        }
    }
}
