import Crypto
import Foundation
import Hummingbird
import Logging
import NIOCore
import TwinAssistant
import TwinLanguage
import TwinRendering
import Twinning

/// The coordinator's pages in the browser: `GET /coordinator`, the programme at a glance, and
/// `GET /coordinator/pairs/ID`, a pair's report. Only for a browser session of a coordinator
/// (401 without a session, 403 for a participant); every view is in the audit log.
struct CoordinatorEndpoints: Sendable {
    let invitations: Invitations
    let pages: CoordinatorPages
    let logger: Logger

    /// The route of a pair's report.
    static let reportRoute = CoordinatorPage.path + "/pairs/:pair"

    /// A pair report's own policy: the report is a standalone document with its style inline
    /// (it is also handed out as a file), so that one style, by its hash, is all that is allowed
    /// — no other inline style, no script at all.
    static let reportPolicy = "default-src 'none'; style-src '" + styleHash + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// The CSP source of `ReportDocument.style`: `sha256-` and its digest in Base64.
    static let styleHash = "sha256-" + Data(SHA256.hash(data: Data(ReportDocument.style.utf8))).base64EncodedString()

    /// `GET /coordinator`.
    func overview(_ request: Request, context: ServerRequestContext) async throws -> Response {
        guard let sessionID = SessionCookie.value(in: request) else { return ChatEndpoints.signInAgain() }
        do {
            guard let signedIn = try await invitations.signedIn(session: sessionID, alsoRead: { _, _ in () }) else {
                return ChatEndpoints.signInAgain()
            }
            context.notes.participantID = signedIn.participant
            guard let overview = try await pages.overview(for: signedIn.participant, language: signedIn.language) else {
                return Self.notCoordinator(signedIn.language)
            }
            let html = CoordinatorPage.page(overview, language: signedIn.language, csrf: WebSessionKeys.csrfToken(for: sessionID))
            var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
            WebHeaders.apply(to: &headers)
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        } catch {
            return unavailable(error, context: context)
        }
    }

    /// `GET /coordinator/pairs/ID`.
    func report(_ request: Request, context: ServerRequestContext) async throws -> Response {
        guard let sessionID = SessionCookie.value(in: request) else { return ChatEndpoints.signInAgain() }
        let pairID = context.parameters.get("pair") ?? ""
        do {
            guard let signedIn = try await invitations.signedIn(session: sessionID, alsoRead: { _, _ in () }) else {
                return ChatEndpoints.signInAgain()
            }
            context.notes.participantID = signedIn.participant
            let language = signedIn.language
            guard try await pages.isCoordinator(signedIn.participant) else { return Self.notCoordinator(language) }
            guard let document = try await pages.pairReport(pairID, for: signedIn.participant, language: language) else {
                return ChatEndpoints.notice(.notFound, language: language, LocalizedText(nl: "Niet gevonden", en: "Not found"),
                                            LocalizedText(nl: "Er is geen duo met een traject onder dit adres. Ga terug naar het overzicht.",
                                                          en: "There is no pair with a trajectory at this address. Go back to the overview."))
            }
            var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
            WebHeaders.apply(to: &headers)
            headers[.contentSecurityPolicy] = Self.reportPolicy
            return Response(status: .ok, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: document.html(language: language.rawValue))))
        } catch {
            return unavailable(error, context: context)
        }
    }

    /// 403: a participant, not a coordinator.
    static func notCoordinator(_ language: Language) -> Response {
        ChatEndpoints.notice(.forbidden, language: language, LocalizedText(nl: "Alleen voor coördinatoren", en: "For coordinators only"),
                             LocalizedText(nl: "Dit overzicht is er voor de coördinatoren van het programma. Je eigen gesprek staat op /chat.",
                                           en: "This overview is for the programme's coordinators. Your own conversation is at /chat."))
    }

    private func unavailable(_ error: any Error, context: ServerRequestContext) -> Response {
        logger.error("coordinator pages: the database did not answer", metadata: ["request_id": "\(context.requestID)", "error": "\(error)"])
        return ChatEndpoints.notice(for: .unavailable, language: .default)
    }
}
