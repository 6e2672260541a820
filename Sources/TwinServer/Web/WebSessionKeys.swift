import Crypto
import Foundation

/// Values derived from a browser session's id, so that nothing more has to be stored with the
/// session: its CSRF token and the key of its turns' request ids.
///
/// Each is `HMAC-SHA256(key: session id, message: label)`. The session id is 256 random bits
/// that only the browser's `HttpOnly` cookie and nobody else holds (the database keeps its
/// SHA-256), so another site can neither read nor compute the token, and the token — which is
/// in every page — tells nothing about the session id. A server secret would add nothing: whoever
/// has the session id is signed in anyway.
enum WebSessionKeys {
    /// The CSRF token of the session `sessionID`, as the forms carry it (64 hex digits).
    static func csrfToken(for sessionID: String) -> String {
        derive("jobtwin web csrf v1", from: sessionID)
    }

    /// Whether `posted` is the CSRF token of `sessionID`, compared in constant time.
    static func isCSRFToken(_ posted: String?, of sessionID: String) -> Bool {
        isCSRFToken(posted, matching: csrfToken(for: sessionID))
    }

    /// Whether `posted` is `token` (a session's CSRF token derived before), in constant time.
    static func isCSRFToken(_ posted: String?, matching token: String) -> Bool {
        guard let posted, !posted.isEmpty else { return false }
        return SecretComparison.matches(posted, token)
    }

    /// The part of a request id that names the session (32 hex digits), so that the same form
    /// posted twice from one browser has one request id and another browser's has another.
    static func requestKey(for sessionID: String) -> String {
        String(derive("jobtwin web request v1", from: sessionID).prefix(32))
    }

    private static func derive(_ label: String, from sessionID: String) -> String {
        let key = SymmetricKey(data: Data(sessionID.utf8))
        let code = HMAC<SHA256>.authenticationCode(for: Data(label.utf8), using: key)
        return code.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
