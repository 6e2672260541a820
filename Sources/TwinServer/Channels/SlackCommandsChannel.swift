import Foundation
import Hummingbird
import Logging
import Twinning
import TwinAssistant
import TwinReply
import TwinRendering
import JSONText

/// `POST /slack/commands`: Slack slash commands (`/jobtwin …`), form-encoded and signed with the
/// app's signing secret.
///
/// The reply is ephemeral — only the participant sees it — and comes in the response when the
/// turn finishes within `deadline` (2.5 s by default, below Slack's 3 seconds). Otherwise the
/// response says the answer is on its way, and the reply is posted to the command's
/// `response_url` once the turn is done — only when that URL starts with an allowed prefix
/// (`https://hooks.slack.com/`); else the response says to ask for `/jobtwin status` in a
/// moment. Either way the turn is stored. The participant is `slack:<team_id>:<user_id>`; a bare `/jobtwin`
/// shows the question they are at. Slack does not retry slash commands, so a repeated
/// `trigger_id` is a replay and gets the stored reply.
struct SlackCommandsChannel: Sendable {
    static let path = "/slack/commands"

    let verifier: SlackSignatureVerifier
    let body: BodyReader
    let turns: TurnTaker
    let deadline: Duration
    let lateReplies: LateReplyOptions
    let metrics: ServerMetrics
    let logger: Logger

    /// The fields of a slash command that matter here.
    struct Form: Decodable {
        let team_id: String?
        let user_id: String?
        let text: String?
        let trigger_id: String?
        let ssl_check: String?
        let response_url: String?
    }

    func handle(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let bytes = try await body.collect(request)
        guard verifier.isValid(signature: request.header("X-Slack-Signature"),
                               timestamp: request.header("X-Slack-Request-Timestamp"), body: bytes.readableBytesView) else {
            // Slack's certificate check is answered whatever its signature: it takes nothing.
            if let text = try? BodyReader.utf8(bytes), (try? FormDecoding.decode(Form.self, from: text))?.ssl_check == "1" {
                return Response(status: .ok)
            }
            throw ServerError.unauthorized()
        }
        let form = try FormDecoding.decode(Form.self, from: try BodyReader.utf8(bytes))
        if form.ssl_check == "1" { return Response(status: .ok) }
        guard let team = form.team_id, !team.isEmpty, let user = form.user_id, !user.isEmpty,
              let participant = ParticipantID(channel: "slack", local: "\(team):\(user)") else {
            throw ServerError.badRequest("missing_field", "A slash command needs `team_id` and `user_id`.")
        }
        let message = IncomingMessage(participant: participant, text: form.text ?? "",
                                      requestID: form.trigger_id.flatMap { ChannelRequestID(channel: "slack-commands", value: $0) },
                                      emptyTextOpens: true)
        let poster = lateReplies.poster
        let target = form.response_url.flatMap { lateReplies.allows($0) ? $0 : nil }
        let notes = context.notes
        let outcome = try await turns.take(message, channel: "slack", notes: notes, within: deadline) { result in
            await postLate(result, to: target, notes: notes, hadURL: form.response_url != nil)
        }
        switch outcome {
        case .inTime(let reply):
            return JSONResponse.make(SlackRenderer.ephemeral(reply))
        case .late(let language):
            let text = poster != nil && target != nil
                ? InterimReplyText.onItsWay(language)
                : InterimReplyText.received(language, status: "`/jobtwin status`")
            return JSONResponse.make(JSONValue.object([("response_type", "ephemeral"), ("text", .string(text))]))
        }
    }

    /// Posts a late turn's reply (or, when it could not be saved, a note saying so) to the
    /// command's `response_url`. Failures are logged without the URL.
    private func postLate(_ result: Result<Reply, ServerError>, to url: String?, notes: RequestNotes, hadURL: Bool) async {
        var metadata: Logger.Metadata = ["channel": "slack", "participant": "\(notes.participantHash ?? "?")"]
        guard let poster = lateReplies.poster, let url else {
            if lateReplies.poster != nil {
                metadata["reason"] = hadURL ? "response_url does not start with an allowed prefix" : "no response_url"
                logger.warning("late slash command reply not posted; it is stored, /jobtwin status shows it", metadata: metadata)
            }
            return
        }
        let response: JSONValue
        switch result {
        case .success(let reply): response = SlackRenderer.ephemeral(reply)
        case .failure: response = .object([("response_type", "ephemeral"), ("text", .string(InterimReplyText.failed(nil)))])
        }
        guard let body = try? JSONEncoder().encode(response) else {
            logger.error("late slash command reply could not be encoded; nothing posted", metadata: metadata)
            return
        }
        do throws(LateReplyPostError) {
            try await poster.post(json: body, to: url)
        } catch {
            metrics.error(channel: "slack", kind: "late_reply_post")
            metadata["reason"] = "\(error.description)"
            logger.error("late slash command reply could not be posted to its response_url", metadata: metadata)
        }
    }
}
