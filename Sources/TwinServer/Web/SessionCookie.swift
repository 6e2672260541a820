import Foundation
import Hummingbird

/// The browser session's cookie, `jt_session`: the random session id, `HttpOnly`,
/// `SameSite=Lax`, `Path=/`, and `Secure` when the public URL is https.
struct SessionCookie: Sendable {
    /// The cookie's name.
    static let name = "jt_session"

    /// Whether the cookie is sent over https only.
    let secure: Bool

    /// The `Set-Cookie` value that stores `sessionID`.
    func setting(_ sessionID: String) -> String {
        "\(Self.name)=\(sessionID); Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that removes the cookie.
    var clearing: String {
        "\(Self.name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    /// The session id the request's `Cookie` header carries, if any.
    static func value(in request: Request) -> String? {
        for field in request.headers where field.name == .cookie {
            for pair in field.value.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }
}
