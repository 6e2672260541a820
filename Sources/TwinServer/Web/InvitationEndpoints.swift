import Foundation
import Hummingbird
import Logging
import TwinAssistant
import TwinLanguage
import Twinning

/// The invitation links of the web chat: `GET /chat/TOKEN` opens a link (a browser session, a
/// cookie, and a redirect so that the token leaves the address bar), `POST /chat/logout` ends
/// the session, `GET /chat/logout` says so, and `GET /chat` (until the chat page is served)
/// shows whom the browser is signed in as.
struct InvitationEndpoints: Sendable {
    let invitations: Invitations
    let cookie: SessionCookie
    let logger: Logger

    /// The chat page's path.
    static let chatPath = "/chat"
    /// Where a browser signs out (POST) and is told it did (GET).
    static let logoutPath = "/chat/logout"

    private var resolver: WebSessionResolver { WebSessionResolver(invitations: invitations) }

    /// `GET /chat/TOKEN`.
    func open(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        if token == "logout" { return signedOut(request, context: context) }
        do {
            let opened = try await invitations.open(token: token)
            context.notes.participantID = opened.participant
            var headers: HTTPFields = [.location: Self.chatPath, .setCookie: cookie.setting(opened.sessionID)]
            WebHeaders.apply(to: &headers)
            return Response(status: .seeOther, headers: headers)
        } catch let refusal as WebAccessError {
            let page = NoticePage(title: refusal.title, message: refusal.message, language: refusal.language,
                                  bothLanguages: refusal == .unknown)
            return page.response(status: refusal == .unknown ? .notFound : .gone)
        } catch {
            return unavailable(error, context: context)
        }
    }

    /// `POST /chat/logout`: the session ends, the cookie is cleared, 303 to the signed-out page.
    func logout(_ request: Request, context: ServerRequestContext) async throws -> Response {
        if let refusal = Self.crossSite(request) { return refusal }
        do {
            if let sessionID = SessionCookie.value(in: request) { _ = try await invitations.signOut(session: sessionID) }
        } catch {
            return unavailable(error, context: context)
        }
        var headers: HTTPFields = [.location: Self.logoutPath, .setCookie: cookie.clearing]
        WebHeaders.apply(to: &headers)
        return Response(status: .seeOther, headers: headers)
    }

    /// `GET /chat/logout`: the signed-out page.
    func signedOut(_ request: Request, context: ServerRequestContext) -> Response {
        NoticePage(title: LocalizedText(nl: "Je bent afgemeld", en: "You are signed out"),
                   message: LocalizedText(nl: "Je antwoorden zijn bewaard. Open je persoonlijke link opnieuw om verder te gaan.",
                                          en: "Your answers are kept. Open your personal link again to continue."),
                   language: .default, bothLanguages: true).response(status: .ok)
    }

    /// `GET /chat`: whom the browser is signed in as, with a sign-out button — the place the chat
    /// page takes; without a session, a page that says to open the personal link.
    func chat(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let signedIn: (participant: ParticipantID, language: Language)?
        do {
            signedIn = try await resolver.participant(of: request)
        } catch {
            return unavailable(error, context: context)
        }
        guard let signedIn else {
            return NoticePage(title: LocalizedText(nl: "Open je persoonlijke link", en: "Open your personal link"),
                              message: LocalizedText(nl: "Je bent niet aangemeld. Open de persoonlijke link die je van de coördinator van Job Twinning kreeg; heb je die niet meer, vraag dan om een nieuwe.",
                                                     en: "You are not signed in. Open the personal link you received from the Job Twinning coordinator; if you no longer have it, ask for a new one."),
                              language: .default, bothLanguages: true).response(status: .unauthorized)
        }
        context.notes.participantID = signedIn.participant
        let language = signedIn.language
        let title = LocalizedText(nl: "Je bent aangemeld", en: "You are signed in")
        let html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(NoticePage.escape(title.text(in: language))) · Job Twinning</title>
            </head>
            <body>
            <main>
            <h1>\(NoticePage.escape(title.text(in: language)))</h1>
            <p>\(NoticePage.escape(language.text(nl: "Het gesprek in de browser komt hier.", en: "The conversation in the browser comes here.")))</p>
            <form method="post" action="\(Self.logoutPath)">
            <button type="submit">\(NoticePage.escape(language.text(nl: "Afmelden", en: "Sign out")))</button>
            </form>
            </main>
            </body>
            </html>

            """
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        WebHeaders.apply(to: &headers)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A page for a database that did not answer: nothing was changed, try again.
    private func unavailable(_ error: any Error, context: ServerRequestContext) -> Response {
        logger.error("web chat: the database did not answer", metadata: ["request_id": "\(context.requestID)", "error": "\(error)"])
        return NoticePage(title: LocalizedText(nl: "Even geduld", en: "One moment"),
                          message: LocalizedText(nl: "Het lukte nu niet. Probeer het over een minuut opnieuw met dezelfde link.",
                                                 en: "That did not work just now. Try again in a minute with the same link."),
                          language: .default, bothLanguages: true)
            .response(status: .serviceUnavailable, headers: [.retryAfter: "60"])
    }

    /// A refusal for a form posted from another site (its `Origin` is not this server's host).
    static func crossSite(_ request: Request) -> Response? {
        guard let origin = request.header("origin") else { return nil }
        let host = request.head.authority ?? request.header("host") ?? ""
        let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
        guard originHost != host else { return nil }
        return NoticePage(title: LocalizedText(nl: "Niet toegestaan", en: "Not allowed"),
                          message: LocalizedText(nl: "Dit formulier kwam van een andere website. Meld je af op de pagina van Job Twinning zelf.",
                                                 en: "This form came from another website. Sign out on the Job Twinning page itself."),
                          language: .default, bothLanguages: true).response(status: .forbidden)
    }
}
