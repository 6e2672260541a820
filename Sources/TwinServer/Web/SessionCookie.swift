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
                if parts.count == 2, trimmed(parts[0]) == name { return String(trimmed(parts[1])) }
            }
        }
        return nil
    }

    /// `text` without the spaces and tabs around it (on every request: Foundation's trimming
    /// cost more than the rest of the cookie's parsing together).
    private static func trimmed(_ text: Substring) -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else { return "" }
        return text[first...last]
    }
}
