import Foundation
import Hummingbird
import Logging
import NIOCore
import TwinAssistant
import TwinLanguage
import TwinRendering
import TwinReply
import Twinning

/// The web chat's page for a turn: `GET /chat` shows the questions answered so far and the
/// pending question (`Assistant.view`, which takes no turn) or the reply of the post just made;
/// `POST /chat` takes an answer or a command and answers `303 See Other` to `/chat` (or, for the
/// script, the next page itself); `GET /chat/assets/NAME` serves the stylesheet, script and icon.
///
/// A post must come from this site (`Origin`, when sent, is this server's) and carry the
/// session's CSRF token (`WebSessionKeys`). An answer goes to `Assistant.press` with the
/// question's slot and fingerprint, so that it is taken only at the question it was given for;
/// its request id is the session's key and the form's `turn`, so that the same form posted twice
/// is taken once. The per-participant rate limit and the metrics are the other channels'
/// (`TurnTaker`).
struct ChatEndpoints: Sendable {
    let invitations: Invitations
    let assistant: Assistant
    let turns: TurnTaker
    let body: BodyReader
    let flash: ChatFlash
    /// The sessions checked a moment ago (shared with signing out, which forgets one).
    let recent: RecentSessions
    let logger: Logger
    /// `scheme://host[:port]` of `server.public_url` (see `InvitationEndpoints.publicOrigin`).
    let publicOrigin: String?

    /// The header `chat.js` sends with its posts to get the next page in the answer rather than
    /// a redirect. Another site cannot send it: a header of our own makes the browser ask first
    /// (a CORS preflight), which this server never allows.
    static let inPlaceHeader = "jobtwin-page"
    /// Its value.
    static let inPlaceValue = "in-place"
    /// The header with which the script says which history it shows: `COUNT.DIGEST`, from the
    /// page's `data-lines` and `data-digest`. The page in the answer then holds only the lines
    /// after those (`TranscriptDigest`): the whole conversation is not drawn again at each turn.
    static let historyHeader = "jobtwin-history"

    /// Where the assets are served: `/chat/assets/NAME`.
    static let assetsPath = "/chat/assets/:name"

    /// `GET /chat`.
    func page(_ request: Request, context: ServerRequestContext) async throws -> Response {
        guard let sessionID = SessionCookie.value(in: request) else { return Self.signInAgain() }
        let signedIn: (RecentSessions.Entry, ConversationView?)
        switch await check(sessionID, context: context) {
        case .signedIn(let entry, let view): signedIn = (entry, view)
        case .refused(let response): return response
        }
        context.notes.participantID = signedIn.0.participant
        let kept = flash.take(for: signedIn.0.requestKey)
        return await pageResponse(signedIn.0, showing: kept, view: signedIn.1, context: context)
    }

    /// What reading a session found.
    private enum SessionCheck {
        /// Active; the entry as now kept in `recent`, and the conversation read with it.
        case signedIn(RecentSessions.Entry, ConversationView?)
        /// The page to answer with instead: sign in again (unknown or ended), or the database
        /// did not answer.
        case refused(Response)
    }

    /// Reads the session `sessionID` — with the conversation and whether the bar links the
    /// overview, in one read of the database — and keeps what it found in `recent`.
    private func check(_ sessionID: String, context: ServerRequestContext) async -> SessionCheck {
        let assistant = self.assistant
        let pages = assistant.coordinatorPages
        let found: (participant: ParticipantID, language: Language, extra: (view: ConversationView?, isCoordinator: Bool))?
        do {
            found = try await invitations.signedIn(session: sessionID) { participant, reader in
                (try assistant.view(participant: participant, reading: reader), try pages.isCoordinator(participant, reading: reader))
            }
        } catch {
            return .refused(unavailable(error, context: context))
        }
        guard let found else {
            recent.forget(sessionID)
            return .refused(Self.signInAgain())
        }
        let entry = recent.checked(sessionID, participant: found.participant, language: found.language,
                                   isCoordinator: found.extra.isCoordinator, isActive: invitations.isActive(session: sessionID))
        return .signedIn(entry, found.extra.view)
    }

    /// The page: the conversation so far and `reply` (the reply of the post just made), or the
    /// pending question when there is none. `known` is the view when the caller read it already
    /// (with the session); `.some(nil)` says it was read and only a turn can show the conversation.
    /// `historyShown` is what the script said its page shows (`historyHeader`), if anything;
    /// `inPlace`, that only what the script puts in place is asked for.
    private func pageResponse(_ session: RecentSessions.Entry, showing reply: Reply?, view known: ConversationView?? = nil,
                              historyShown: String? = nil, inPlace: Bool = false, context: ServerRequestContext) async -> Response {
        let participant = session.participant
        do {
            let shown: Reply
            let answered: [ConversationView.Answered]
            if let reply {
                shown = reply
                if let known {
                    answered = known?.answered ?? []
                } else {
                    // Just after the post's own turn: the conversation it left is at hand, and its
                    // question is the reply's. A reply that asks nothing has no conversation above it.
                    answered = reply.prompt == nil ? [] : try await assistant.answeredAfterTurn(participant: participant)
                }
            } else {
                // Looking is not a turn: a page open on another device stays current.
                let view: ConversationView?
                if let known { view = known } else { view = try await assistant.view(participant: participant) }
                if let view { shown = view.reply } else { shown = try await assistant.open(participant: participant) }
                answered = view?.answered ?? []
            }
            let transcript = Self.transcript(of: answered)
            return Self.render(shown, transcript: transcript, historyFrom: TranscriptDigest.linesShown(historyShown, of: transcript),
                               csrf: session.csrf, isCoordinator: session.isCoordinator, inPlace: inPlace)
        } catch {
            return unavailable(error, context: context)
        }
    }

    /// The questions answered before the pending one, each followed by its answer.
    static func transcript(of answered: [ConversationView.Answered]) -> [ChatLine] {
        answered.flatMap {
            [ChatLine(from: .assistant, text: $0.question), ChatLine(from: .participant, text: $0.answer)]
        }
    }

    /// `POST /chat`.
    ///
    /// An answer to the question this process last showed the participant goes straight to its
    /// turn, which checks the session inside its own write (`Assistant.pressIfCurrent`): one trip
    /// to the database, as for a `/v1/messages` turn. Anything else — a command, a typed
    /// message, a session not checked in the last minute, a conversation that moved on — reads
    /// the session first and takes the careful way.
    func post(_ request: Request, context: ServerRequestContext) async throws -> Response {
        if let refusal = Self.crossSite(request, publicOrigin: publicOrigin) { return refusal }
        guard let sessionID = SessionCookie.value(in: request) else { return Self.signInAgain() }
        var session: RecentSessions.Entry
        // The conversation read with the session, when it was read for this post.
        var viewed: ConversationView??
        if let recent = recent.entry(sessionID) {
            session = recent
        } else {
            switch await check(sessionID, context: context) {
            case .signedIn(let entry, let view): (session, viewed) = (entry, .some(view))
            case .refused(let response): return response
            }
        }
        context.notes.participantID = session.participant
        let language = session.language
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            return Self.notice(.unsupportedMediaType, language: language,
                               LocalizedText(nl: "Dit formulier kon niet worden gelezen", en: "This form could not be read"),
                               LocalizedText(nl: "Verstuur het formulier op de pagina zelf opnieuw.", en: "Send the form on the page itself again."))
        }
        let form: ChatForm
        do {
            form = ChatForm(try await body.text(request))
        } catch {
            return Self.notice(for: error, language: language)
        }
        guard WebSessionKeys.isCSRFToken(form.value("csrf"), matching: session.csrf) else {
            logger.notice("web chat: a post without the session's CSRF token was refused", metadata: ["request_id": "\(context.requestID)"])
            return Self.notice(.forbidden, language: language,
                               LocalizedText(nl: "Niet toegestaan", en: "Not allowed"),
                               LocalizedText(nl: "Dit formulier is verlopen of kwam niet van deze pagina. Er is niets veranderd. Ga terug naar het gesprek en probeer het opnieuw.",
                                             en: "This form expired or did not come from this page. Nothing was changed. Go back to the conversation and try again."))
        }
        let requestID = form.nonEmpty("turn").flatMap(Int.init).flatMap {
            ChannelRequestID(channel: Invitations.channel, value: "\(session.requestKey).\($0)")
        }
        let reply: Reply?
        do throws(ServerError) {
            var counted = false
            if viewed == nil {
                switch try await answerIfCurrent(form, session: session, requestID: requestID, notes: context.notes) {
                case .taken(let taken): return await respond(request, session: session, showing: taken, context: context)
                case .notTaken(let tried): counted = tried
                }
                // Not taken that way: the session is read now, as for any other post.
                switch await check(sessionID, context: context) {
                case .signedIn(let entry, let view): (session, viewed) = (entry, .some(view))
                case .refused(let response): return response
                }
            }
            reply = try await take(form, participant: session.participant, language: session.language, requestID: requestID,
                                   viewed: viewed ?? nil, counted: counted, notes: context.notes)
        } catch {
            return Self.notice(for: error, language: language)
        }
        return await respond(request, session: session, showing: reply, context: context)
    }

    /// The answer to a post: for the script (`inPlaceHeader`) the next page at once — one request
    /// a turn instead of a redirect and a second one; for a plain form post the redirect, so that a
    /// reload repeats nothing, with the reply kept for the page it leads to.
    private func respond(_ request: Request, session: RecentSessions.Entry, showing reply: Reply?,
                         context: ServerRequestContext) async -> Response {
        if request.header(Self.inPlaceHeader) == Self.inPlaceValue {
            return await pageResponse(session, showing: reply, historyShown: request.header(Self.historyHeader), inPlace: true,
                                      context: context)
        }
        if let reply { flash.keep(reply, for: session.requestKey) }
        var headers: HTTPFields = [.location: InvitationEndpoints.chatPath]
        WebHeaders.apply(to: &headers)
        return Response(status: .seeOther, headers: headers)
    }

    /// How `answerIfCurrent` went.
    private enum QuickAnswer {
        /// Taken (or the same form came before: `nil`, show the question at hand).
        case taken(Reply?)
        /// Nothing was stored; `tried` says the turn was tried, and the post counted against
        /// the rate limit.
        case notTaken(tried: Bool)
    }

    /// The posted answer taken at the question this process last showed, without reading the
    /// session first: the turn checks it in its write. Not taken — not an answer, not the
    /// cached question, or the store or the session had moved on — the post goes the careful way
    /// (counted against the rate limit already, when the turn was tried).
    private func answerIfCurrent(_ form: ChatForm, session: RecentSessions.Entry, requestID: ChannelRequestID?,
                                 notes: RequestNotes) async throws(ServerError) -> QuickAnswer {
        guard form.nonEmpty("command") == nil, let slot = form.nonEmpty("slot") else { return .notTaken(tried: false) }
        let values = form.values("answer")
        // The posted values mean something only for the options of the question asked now,
        // which the assistant works out once, under the participant's lock.
        switch try await turns.pressIfCurrent(participant: session.participant, slot: slot, fingerprint: form.nonEmpty("fingerprint"),
                                              requestID: requestID, channel: Invitations.channel, notes: notes,
                                              answering: { prompt, language in WebAnswer.text(values, for: prompt, in: language) },
                                              admitted: session.isActive) {
        case .answered(let reply, _)?, .refused(let reply)?, .notTaken(let reply)?: return .taken(reply)
        case .repeated?: return .taken(nil)
        case .stale?, nil: return .notTaken(tried: true)
        }
    }

    /// Hands the posted form to the assistant; the reply to show next, or `nil` to show the
    /// pending question. `viewed` is the conversation as read with the session.
    private func take(_ form: ChatForm, participant: ParticipantID, language: Language, requestID: ChannelRequestID?,
                      viewed: ConversationView?, counted: Bool, notes: RequestNotes) async throws(ServerError) -> Reply? {
        // A command first: its buttons share the question's form, whose `answer` is then ignored.
        if let spelling = form.nonEmpty("command") {
            guard let command = WebCommand(rawValue: spelling) else {
                throw .badRequest("unknown_command", "The command is not one of help, back, skip or language.")
            }
            let chosen = form.nonEmpty(WebCommand.languageField).flatMap(Language.init(spelling:))
            let text = command.typed(in: language, chosen: chosen)
            return try await turns.take(IncomingMessage(participant: participant, text: text, requestID: requestID),
                                        channel: Invitations.channel, notes: notes, counted: counted)
        }
        // No slot: the free form of a reply that asks nothing (`menu`, `status`, …).
        guard let slot = form.nonEmpty("slot") else {
            let text = form.value("answer") ?? ""
            return try await turns.take(IncomingMessage(participant: participant, text: text, requestID: requestID, emptyTextOpens: true),
                                        channel: Invitations.channel, notes: notes, counted: counted)
        }
        // The question as it is now (read without a turn): the posted values mean something
        // only for its options. When only a turn can show it (news waits), it is opened; a page
        // opened meanwhile on another device can then make that turn stale, so it is read once more.
        for attempt in 0..<2 {
            let current: Reply
            do {
                if attempt == 0, let viewed {
                    current = viewed.reply
                } else if let view = try await assistant.view(participant: participant) {
                    current = view.reply
                } else {
                    current = try await assistant.open(participant: participant)
                }
            } catch {
                throw .unavailable
            }
            let fingerprint = form.nonEmpty("fingerprint")
            guard let prompt = current.prompt, prompt.slot == slot, fingerprint == nil || fingerprint == prompt.fingerprint else {
                // The conversation moved on (another tab or device answered): show where it is.
                var moved = current
                moved.messages.insert(Reply.Message(.info, current.language.text(
                    nl: "Die vraag was al beantwoord. Hier ben je nu.", en: "That question was already answered. This is where you are now.")), at: 0)
                return moved
            }
            guard let answer = WebAnswer.text(form.values("answer"), for: prompt, in: current.language) else {
                var asked = current
                asked.messages.insert(Reply.Message(.error, current.language.text(
                    nl: "Kies een van de antwoorden hieronder.", en: "Choose one of the answers below.")), at: 0)
                return asked
            }
            let press = ButtonPress(participant: participant, slot: slot, turn: current.turn, fingerprint: prompt.fingerprint,
                                    answer: answer, requestID: requestID)
            switch try await turns.press(press, channel: Invitations.channel, notes: notes, counted: counted || attempt > 0) {
            case .answered(let reply, _), .refused(let reply), .notTaken(let reply):
                return reply
            case .repeated:
                // The same form again: nothing was taken again; the page shows the question at hand.
                return nil
            case .stale:
                if attempt == 0 { continue }
            }
        }
        return nil
    }

    /// `GET /chat/assets/NAME`: the stylesheet or the script, cached for good when the address
    /// carries the current hash.
    func asset(_ request: Request, context: ServerRequestContext) -> Response {
        guard let name = context.parameters.get("name"), let asset = WebAssets.asset(named: name) else {
            return Self.notice(.notFound, language: .default,
                               LocalizedText(nl: "Niet gevonden", en: "Not found"),
                               LocalizedText(nl: "Dit bestand bestaat niet.", en: "This file does not exist."))
        }
        let current = request.uri.queryParameters.get("v") == asset.hash
        var headers: HTTPFields = [
            .contentType: asset.contentType,
            .cacheControl: current ? "public, max-age=31536000, immutable" : "no-cache",
        ]
        WebHeaders.apply(to: &headers)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: asset.body)))
    }

    /// The chat page for `reply`, with the session's CSRF token `csrf` in its forms.
    static func render(_ reply: Reply, transcript: [ChatLine] = [], historyFrom first: Int = 0, csrf: String,
                       isCoordinator: Bool = false, inPlace: Bool = false, status: HTTPResponse.Status = .ok) -> Response {
        let html = WebRenderer.pageUTF8(reply, transcript: transcript, historyFrom: first, csrf: csrf, isCoordinator: isCoordinator,
                                        inPlace: inPlace)
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        WebHeaders.apply(to: &headers)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: html)))
    }

    /// 401: no session — open the personal link again.
    static func signInAgain() -> Response {
        NoticePage(title: LocalizedText(nl: "Open je persoonlijke link opnieuw", en: "Open your personal link again"),
                   message: LocalizedText(nl: "Je bent niet aangemeld. Open de persoonlijke link die je van de coördinator van Job Twinning kreeg opnieuw; heb je die niet meer, vraag dan om een nieuwe.",
                                          en: "You are not signed in. Open the personal link you received from the Job Twinning coordinator again; if you no longer have it, ask for a new one."),
                   language: .nl, bothLanguages: true).response(status: .unauthorized)
    }

    /// 403 for a form posted from another site (its `Origin` is not this server's).
    static func crossSite(_ request: Request, publicOrigin: String?) -> Response? {
        InvitationEndpoints.crossSite(request, publicOrigin: publicOrigin, message: LocalizedText(
            nl: "Dit formulier kwam van een andere website. Er is niets veranderd. Beantwoord de vragen op de pagina van Job Twinning zelf.",
            en: "This form came from another website. Nothing was changed. Answer the questions on the Job Twinning page itself."))
    }

    /// A notice page in `language`.
    static func notice(_ status: HTTPResponse.Status, language: Language, headers: HTTPFields = [:],
                       _ title: LocalizedText, _ message: LocalizedText) -> Response {
        NoticePage(title: title, message: message, language: language).response(status: status, headers: headers)
    }

    /// A refusal of the server's (too large, rate limited, unreadable, not saved) as a page with
    /// its status and headers (`Retry-After`).
    static func notice(for error: ServerError, language: Language) -> Response {
        let title: LocalizedText, message: LocalizedText
        switch error.status {
        case .tooManyRequests:
            title = LocalizedText(nl: "Even rustig aan", en: "Slow down a little")
            message = LocalizedText(nl: "Je stuurde veel antwoorden vlak na elkaar. Er is niets veranderd; probeer het over een paar seconden opnieuw.",
                                    en: "You sent many answers in a row. Nothing was changed; try again in a few seconds.")
        case .serviceUnavailable:
            title = LocalizedText(nl: "Even geduld", en: "One moment")
            message = LocalizedText(nl: "Het lukte nu niet. Er is niets veranderd; probeer het over een minuut opnieuw.",
                                    en: "That did not work just now. Nothing was changed; try again in a minute.")
        default:
            title = LocalizedText(nl: "Dit formulier kon niet worden gelezen", en: "This form could not be read")
            message = LocalizedText(nl: "Er is niets veranderd. Ga terug naar het gesprek en probeer het opnieuw.",
                                    en: "Nothing was changed. Go back to the conversation and try again.")
        }
        return notice(error.status, language: language, headers: error.headers, title, message)
    }

    /// A page for a database that did not answer: nothing was changed, try again.
    private func unavailable(_ error: any Error, context: ServerRequestContext) -> Response {
        logger.error("web chat: the database did not answer", metadata: ["request_id": "\(context.requestID)", "error": "\(error)"])
        return Self.notice(for: .unavailable, language: .default)
    }
}
