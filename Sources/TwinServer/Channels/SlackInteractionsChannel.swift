import Foundation
import Hummingbird
import JSONText
import Logging
import Twinning
import TwinAssistant
import TwinReply
import TwinRendering
import TwinLanguage

/// `POST /slack/interactions`: Slack's interactivity requests — a click on a button, a choice in
/// a menu or a date in a date picker of one of our messages (`block_actions`), form-encoded in
/// the field `payload` and signed like every Slack request.
///
/// The click becomes the participant's answer when it answers the question the conversation is
/// at (the question's slot, turn, options and owner are in the actions block's `block_id`); a
/// click on an earlier question changes nothing and gets a short note only the clicker sees, as
/// does a click by someone the buttons are not for. Slack is answered with 200 as soon as the
/// turn is committed, or at the reply deadline (within Slack's 3 seconds) while a slow turn goes
/// on; then, through the message's `response_url`, the clicked message is updated — its
/// controls replaced by the answer given, so it cannot be clicked twice — and the reply follows
/// as a new message (visible to the clicker alone, unless it is in the app's direct messages).
/// An answer that is not accepted leaves the message as it is, and the reply says why. The
/// click's `trigger_id` is its request id: a repeated delivery is answered and changes nothing.
/// Ticking a checkbox is only remembered by Slack; the multichoice is answered by its "Klaar"
/// button, which with nothing ticked only asks to tick something.
struct SlackInteractionsChannel: Sendable {
    static let path = "/slack/interactions"

    let verifier: SlackSignatureVerifier
    let body: BodyReader
    let turns: TurnTaker
    let lateReplies: LateReplyOptions
    let lateTurns: LateTurns
    let deadline: Duration
    let metrics: ServerMetrics
    let logger: Logger

    private struct Form: Decodable {
        let payload: String?
    }

    /// The fields of a `block_actions` payload that matter here.
    struct Payload: Decodable {
        struct User: Decodable { let id: String?; let team_id: String? }
        struct Team: Decodable { let id: String? }
        struct Container: Decodable { let is_ephemeral: Bool?; let channel_id: String? }
        struct Text: Decodable { let text: String? }
        struct Option: Decodable { let value: String?; let text: Text? }
        struct Action: Decodable {
            let action_id: String?
            let block_id: String?
            let value: String?
            let text: Text?
            let selected_option: Option?
            let selected_date: String?
            let action_ts: String?
        }
        struct StateValue: Decodable { let selected_options: [Option]? }
        /// Only whether the payload shows the message (one in a channel does, an ephemeral one not).
        struct Message: Decodable {}
        struct State: Decodable { let values: [String: [String: StateValue]]? }

        let type: String?
        let user: User?
        let team: Team?
        let trigger_id: String?
        let response_url: String?
        let container: Container?
        let actions: [Action]?
        let state: State?
        let message: Message?
    }

    func handle(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let bytes = try await body.collect(request)
        guard verifier.isValid(signature: request.header("X-Slack-Signature"),
                               timestamp: request.header("X-Slack-Request-Timestamp"), body: bytes.readableBytesView) else {
            throw ServerError.unauthorized()
        }
        guard let json = try FormDecoding.decode(Form.self, from: try BodyReader.utf8(bytes)).payload else {
            throw ServerError.badRequest("missing_field", "An interactivity request carries its JSON in the form field `payload`.")
        }
        let payload: Payload
        do {
            payload = try JSONDecoder().decode(Payload.self, from: Data(json.utf8))
        } catch {
            throw DecodingProblem.json(error, example: #"{"type": "block_actions", "user": {"id": "U1"}, "team": {"id": "T1"}, "actions": […]}"#)
        }
        // Other interactions (shortcuts, modals) are not ours: acknowledged, nothing done.
        guard payload.type == "block_actions", let action = payload.actions?.first,
              let button = action.block_id.flatMap(PromptButton.init(encoded:)) else { return Response(status: .ok) }
        // A ticked checkbox waits for the "Klaar" button.
        if action.action_id == SlackRenderer.checkboxesActionID { return Response(status: .ok) }
        guard let user = payload.user?.id, let team = payload.team?.id ?? payload.user?.team_id,
              let participant = ParticipantID(channel: "slack", local: "\(team):\(user)") else {
            throw ServerError.badRequest("missing_field", "A `block_actions` request needs `user.id` and `team.id`.")
        }
        let target = payload.response_url.flatMap { lateReplies.allows($0) ? $0 : nil }
        let poster = lateReplies.poster
        let notes = context.notes, logger = self.logger, metrics = self.metrics
        /// Posts `bodies` to the `response_url`, in order, after the acknowledgement.
        @Sendable func post(_ bodies: [Data]) async {
            guard !bodies.isEmpty else { return }
            guard let poster, let target else {
                logger.warning("click taken, but its message cannot be updated: no response_url with an allowed prefix; the reply is stored",
                               metadata: ["participant": "\(notes.participantHash ?? "?")"])
                return
            }
            for body in bodies {
                do throws(LateReplyPostError) {
                    try await poster.post(json: body, to: target)
                } catch {
                    metrics.error(channel: "slack", kind: "interaction_post")
                    logger.error("a click's message could not be posted to its response_url; the reply is stored", metadata: [
                        "participant": "\(notes.participantHash ?? "?")", "reason": "\(error.description)",
                    ])
                    return
                }
            }
        }
        // The buttons of someone else's message, were it ever shown to another person.
        if let owner = button.owner, owner != user {
            lateTurns.start { await post([Self.note(PromptAnswers.notYoursNote)]) }
            return Response(status: .ok)
        }
        guard let (answer, label) = Self.answer(action, state: payload.state, blockID: action.block_id ?? "") else {
            return Response(status: .ok)
        }
        if action.action_id == SlackRenderer.doneActionID, answer.isEmpty {
            let language = await turns.assistant.knownLanguage(of: participant) ?? .nl
            lateTurns.start { await post([Self.note(PromptAnswers.nothingTickedNote(in: language))]) }
            return Response(status: .ok)
        }
        let clickID = payload.trigger_id ?? action.action_ts
        let press = ButtonPress(participant: participant, slot: button.slot, turn: button.turn, fingerprint: button.fingerprint,
                                answer: answer, requestID: clickID.flatMap { ChannelRequestID(channel: "slack-interactions", value: $0) })
        // Only an ephemeral message and one in the app's direct messages are the clicker's own;
        // anywhere else the reply goes to the clicker alone.
        let ephemeral = (payload.container?.is_ephemeral ?? false) || !(payload.container?.channel_id?.hasPrefix("D") ?? false)
        let messageBlocks = payload.message == nil ? nil : Self.keptBlocks(json)
        let turns = self.turns
        let work = Task { () -> Result<Assistant.ButtonOutcome, ServerError> in
            do throws(ServerError) {
                return .success(try await turns.press(press, channel: "slack", notes: notes))
            } catch {
                return .failure(error)
            }
        }
        guard let outcome = await DeadlineRace.value(of: work, within: deadline) else {
            // Slack's 3 seconds are kept; the click goes on and its messages follow when done.
            metrics.lateReply(channel: "slack")
            lateTurns.start {
                guard case .success(let outcome) = await work.value else { return }
                await post(Self.posts(for: outcome, label: label, ephemeral: ephemeral, kept: messageBlocks))
            }
            return Response(status: .ok)
        }
        let posts = Self.posts(for: try outcome.get(), label: label, ephemeral: ephemeral, kept: messageBlocks)
        lateTurns.start { await post(posts) }
        return Response(status: .ok)
    }

    /// A note only the clicker sees, changing nothing.
    static func note(_ text: String) -> Data {
        JSONValue.object([("response_type", "ephemeral"), ("replace_original", false), ("text", .string(text))]).data()
    }

    /// The answer a control sends and the words to show for it; `nil` for a control that
    /// answers nothing by itself.
    static func answer(_ action: Payload.Action, state: Payload.State?, blockID: String) -> (answer: String, label: String)? {
        if let date = action.selected_date { return (date, date) }
        if let option = action.selected_option, let value = option.value { return (value, option.text?.text ?? value) }
        if action.action_id == SlackRenderer.doneActionID {
            let chosen = state?.values?[blockID]?[SlackRenderer.checkboxesActionID]?.selected_options ?? []
            let numbers = chosen.compactMap { $0.value.flatMap(Int.init) }
            return (PromptAnswers.multichoice(numbers), chosen.compactMap { $0.text?.text }.joined(separator: ", "))
        }
        guard let value = action.value else { return nil }
        return (value, action.text?.text ?? value)
    }

    /// The JSON bodies to post to the `response_url`, in order.
    static func posts(for outcome: Assistant.ButtonOutcome, label: String, ephemeral: Bool, kept: Data?) -> [Data] {
        let newMessage: [(String, JSONValue)] = [("response_type", ephemeral ? "ephemeral" : "in_channel"), ("replace_original", false)]
        switch outcome {
        case .answered(let reply, let question):
            let answered = SlackRenderer.answered(question: question, answer: label, withQuestion: kept == nil, language: reply.language)
            let update = replacement(kept: kept, appended: answered, text: PromptAnswers.answeredLine(label, in: reply.language))
            return [update, SlackRenderer.message(reply, extra: newMessage).data()]
        case .repeated:
            return []
        case .stale(let language):
            return [note(PromptAnswers.staleNote(in: language))]
        case .refused(let reply), .notTaken(let reply):
            return [SlackRenderer.message(reply, extra: newMessage).data()]
        }
    }

    /// The blocks of the clicked message, without its controls and the hint under them — what
    /// the update keeps — as a JSON array; `nil` when the payload does not show the message (an
    /// ephemeral one) or shows nothing before the controls.
    static func keptBlocks(_ json: String) -> Data? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any],
              let message = object["message"] as? [String: Any], let blocks = message["blocks"] as? [[String: Any]] else { return nil }
        var kept: [Any] = []
        for block in blocks {
            if block["type"] as? String == "actions" { break }
            kept.append(block)
        }
        guard !kept.isEmpty else { return nil }
        return try? JSONSerialization.data(withJSONObject: kept, options: [.withoutEscapingSlashes])
    }

    /// The body that replaces the clicked message: its kept blocks (a JSON array) and the answer.
    private static func replacement(kept: Data?, appended: [JSONValue], text: String) -> Data {
        let added = JSONValue.array(appended).data()
        guard let kept, kept.count > 2 else {
            return JSONValue.object([("replace_original", true), ("text", .string(SlackRenderer.escape(text))),
                                     ("blocks", .array(appended))]).data()
        }
        // Both arrays as written, joined: `[kept…, added…]`.
        var body = Data(#"{"replace_original":true,"text":"#.utf8)
        body += JSONValue.string(SlackRenderer.escape(text)).data()
        body += Data(#","blocks":"#.utf8)
        body += kept.dropLast()
        body += Data(",".utf8)
        body += added.dropFirst()
        body += Data("}".utf8)
        return body
    }
}
