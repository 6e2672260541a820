import Foundation
import Hummingbird
import Logging
import TwinAssistant
import TwinLanguage
import TwinRendering
import Twinning

/// The invitation links of the web chat: `GET /chat/TOKEN` opens a link (a browser session, a
/// cookie, and a redirect so that the token leaves the address bar), `POST /chat/logout` ends
/// the session, and `GET /chat/logout` says so. The chat page itself is `ChatEndpoints`.
struct InvitationEndpoints: Sendable {
    let invitations: Invitations
    /// The sessions the chat checked a moment ago: one signed out is forgotten at once.
    let recent: RecentSessions
    let cookie: SessionCookie
    let body: BodyReader
    let logger: Logger
    /// `scheme://host[:port]` of `server.public_url`: behind a proxy that rewrites `Host`, a
    /// form's `Origin` is this rather than the host the server sees.
    let publicOrigin: String?

    /// `scheme://host[:port]` of a public URL, lower case, for comparing with an `Origin`.
    static func origin(of publicURL: String?) -> String? {
        guard let publicURL, let url = URL(string: publicURL), let scheme = url.scheme, let host = url.host else { return nil }
        return (scheme + "://" + host + (url.port.map { ":\($0)" } ?? "")).lowercased()
    }

    /// The chat page's path.
    static let chatPath = "/chat"
    /// Where a browser signs out (POST) and is told it did (GET).
    static let logoutPath = "/chat/logout"

    /// `GET /chat/TOKEN`.
    func open(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        if token == "logout" { return signedOut(request, context: context) }
        do {
            let opened = try await invitations.open(token: token)
            context.notes.participantID = opened.participant
            // A coordinator's link leads to the programme at a glance; the chat is a link away.
            let location = opened.isCoordinator ? CoordinatorPage.path : Self.chatPath
            var headers: HTTPFields = [.location: location, .setCookie: cookie.setting(opened.sessionID)]
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
    /// The form carries the session's CSRF token like every post, so that another site cannot
    /// sign a participant out.
    func logout(_ request: Request, context: ServerRequestContext) async throws -> Response {
        if let refusal = Self.crossSite(request, publicOrigin: publicOrigin) { return refusal }
        if let sessionID = SessionCookie.value(in: request) {
            let form = ChatForm((try? await body.text(request)) ?? "")
            guard WebSessionKeys.isCSRFToken(form.value("csrf"), of: sessionID) else {
                return NoticePage(title: LocalizedText(nl: "Niet toegestaan", en: "Not allowed"),
                                  message: LocalizedText(nl: "Dit formulier is verlopen of kwam niet van deze pagina. Je bent nog aangemeld. Ga terug naar het gesprek en meld je daar af.",
                                                         en: "This form expired or did not come from this page. You are still signed in. Go back to the conversation and sign out there."),
                                  language: .default, bothLanguages: true).response(status: .forbidden)
            }
            do {
                recent.forget(sessionID)
                _ = try await invitations.signOut(session: sessionID)
            } catch {
                return unavailable(error, context: context)
            }
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

    /// A page for a database that did not answer: nothing was changed, try again.
    private func unavailable(_ error: any Error, context: ServerRequestContext) -> Response {
        logger.error("web chat: the database did not answer", metadata: ["request_id": "\(context.requestID)", "error": "\(error)"])
        return NoticePage(title: LocalizedText(nl: "Even geduld", en: "One moment"),
                          message: LocalizedText(nl: "Het lukte nu niet. Probeer het over een minuut opnieuw met dezelfde link.",
                                                 en: "That did not work just now. Try again in a minute with the same link."),
                          language: .default, bothLanguages: true)
            .response(status: .serviceUnavailable, headers: [.retryAfter: "60"])
    }

    /// A refusal for a form posted from another site (its `Origin` is neither this server's host
    /// nor `publicOrigin`), saying `message`; `nil` when the request sent no `Origin` or this
    /// server's.
    static func crossSite(_ request: Request, publicOrigin: String?, message: LocalizedText = LocalizedText(
        nl: "Dit formulier kwam van een andere website. Meld je af op de pagina van Job Twinning zelf.",
        en: "This form came from another website. Sign out on the Job Twinning page itself.")) -> Response? {
        // A browser sends `Origin: null` for a plain form post from a page whose referrer policy
        // is `no-referrer`, as ours are — every post without JavaScript. It names no site, so
        // the session's CSRF token, which every post must carry, decides.
        guard let origin = request.header("origin"), origin != "null" else { return nil }
        if let publicOrigin, origin.lowercased() == publicOrigin { return nil }
        let host = request.head.authority ?? request.header("host") ?? ""
        let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
        guard originHost != host else { return nil }
        return NoticePage(title: LocalizedText(nl: "Niet toegestaan", en: "Not allowed"), message: message,
                          language: .default, bothLanguages: true).response(status: .forbidden)
    }
}
