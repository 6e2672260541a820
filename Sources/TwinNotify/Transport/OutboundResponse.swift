public import Foundation

/// What a receiver answered: the status, the headers and (the start of) the body.
public struct OutboundResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers, in order.
    public var headers: [HTTPHeader]
    /// The body, at most `CurlTransport.maxBodyBytes` of it.
    public var body: Data
    /// How many new connections this request opened: 0 when it reused one.
    public var newConnections: Int

    /// Creates a response.
    public init(status: Int, headers: [HTTPHeader], body: Data, newConnections: Int = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.newConnections = newConnections
    }

    /// The first header called `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as text, shortened for messages.
    public func bodyText(limit: Int = 300) -> String {
        let text = String(decoding: body, as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
