public import Foundation

/// One request for `CurlTransport`: where, what, and how long it may take — an HTTP request,
/// or with `mail` an SMTP submission of `body` (`smtp://`, `smtps://`).
public struct OutboundRequest: Sendable, Hashable {
    /// The full URL (it may hold a credential: it is never logged, see `displayURL`).
    public var url: String
    /// `POST` or `GET` (`SMTP` for a mail, which only names it).
    public var method: String
    /// Request headers, in order.
    public var headers: [HTTPHeader]
    /// The body (for `POST`).
    public var body: Data
    /// How long the whole attempt may take, in seconds.
    public var timeout: Double
    /// How long connecting (name lookup, TCP and TLS) may take, in seconds.
    public var connectTimeout: Double
    /// The SMTP envelope when this is a mail; `nil` for HTTP.
    public var mail: MailEnvelope?

    /// Creates a request; a JSON `POST` unless told otherwise.
    public init(url: String, method: String = "POST", headers: [HTTPHeader] = [], body: Data = Data(),
                timeout: Double = 10, connectTimeout: Double = 5, mail: MailEnvelope? = nil) {
        self.mail = mail
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }

    /// `scheme://host[:port]/…`: the URL without what could hold a credential.
    public var displayURL: String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else {
            return "<a URL that cannot be read>"
        }
        return "\(scheme)://\(host)\(components.port.map { ":\($0)" } ?? "")/…"
    }
}

/// A header: name and value.
public struct HTTPHeader: Sendable, Hashable {
    /// The name, as sent or received.
    public var name: String
    /// The value.
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
