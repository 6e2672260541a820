import Hummingbird
import Twinning
import TwinAssistant

/// `POST /slack/commands`: Slack slash commands (`/jobtwin …`), form-encoded and signed with the
/// app's signing secret.
///
/// The reply is ephemeral — only the participant sees it — and comes in the response, well
/// within Slack's 3 seconds. The participant is `slack:<team_id>:<user_id>`; a bare `/jobtwin`
/// shows the question they are at. Slack does not retry slash commands, so a repeated
/// `trigger_id` is a replay and gets the stored reply.
struct SlackCommandsChannel: Sendable {
    static let path = "/slack/commands"

    let verifier: SlackSignatureVerifier
    let body: BodyReader
    let turns: TurnTaker

    /// The fields of a slash command that matter here.
    struct Form: Decodable {
        let team_id: String?
        let user_id: String?
        let text: String?
        let trigger_id: String?
        let ssl_check: String?
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
        let reply = try await turns.take(message, channel: "slack", notes: context.notes)
        return JSONResponse.make(SlackRenderer.ephemeral(reply))
    }
}
