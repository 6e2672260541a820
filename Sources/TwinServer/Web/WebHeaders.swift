import HTTPTypes
import TwinRendering

/// The security headers of every answer under `/chat`: a strict Content-Security-Policy (only
/// our own script and stylesheet, nothing inline, no framing), no MIME sniffing, no referrer,
/// nothing cached unless the answer says otherwise (the assets).
enum WebHeaders {
    /// The Content-Security-Policy of the web chat: the one its pages are written for.
    static let contentSecurityPolicy = WebAssets.contentSecurityPolicy

    /// The headers, as `(name, value)` pairs.
    static let fields: [(String, String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]

    /// Whether `path` is one of the web chat's.
    static func covers(_ path: String) -> Bool {
        path == "/chat" || path.hasPrefix("/chat/") || path == "/coordinator" || path.hasPrefix("/coordinator/")
    }

    /// Adds the headers to `headers`, replacing any of the same name — but a `Cache-Control`
    /// (an asset's) or a `Content-Security-Policy` (a pair report's) the answer set itself is kept.
    static func apply(to headers: inout HTTPFields) {
        for (field, value) in named {
            if field == .cacheControl || field == .contentSecurityPolicy, headers[field] != nil { continue }
            headers[field] = value
        }
    }

    /// `fields` with their names checked once, not on every answer.
    private static let named: [(HTTPField.Name, String)] = fields.compactMap { name, value in
        HTTPField.Name(name).map { ($0, value) }
    }
}
