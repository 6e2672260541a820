import HTTPTypes

/// The security headers of every answer under `/chat`: a strict Content-Security-Policy (no
/// script, no inline style, no framing), no MIME sniffing, no referrer, nothing cached.
enum WebHeaders {
    /// The Content-Security-Policy of the web chat.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The headers, as `(name, value)` pairs.
    static let fields: [(String, String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]

    /// Whether `path` is one of the web chat's.
    static func covers(_ path: String) -> Bool {
        path == "/chat" || path.hasPrefix("/chat/")
    }

    /// Adds the headers to `headers`, replacing any of the same name.
    static func apply(to headers: inout HTTPFields) {
        for (name, value) in fields {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
    }
}
