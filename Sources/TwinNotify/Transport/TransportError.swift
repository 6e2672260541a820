/// Why a request got no HTTP answer, in words that say what to check. Messages name the
/// receiver by scheme, host and port only, never by its full URL (which may hold a token).
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL cannot be used (malformed, or not http/https).
    case invalidURL(endpoint: String, detail: String)
    /// The host name does not resolve.
    case cannotResolve(endpoint: String, detail: String)
    /// Nothing accepted the connection (refused, unreachable).
    case cannotConnect(endpoint: String, detail: String)
    /// Connecting or the whole request took longer than allowed.
    case timedOut(endpoint: String, seconds: Double, whileConnecting: Bool)
    /// The TLS handshake or the certificate check failed.
    case tls(endpoint: String, detail: String)
    /// The connection broke off before a whole answer came.
    case connectionLost(endpoint: String, detail: String)
    /// The receiver answered something that is not HTTP.
    case protocolError(endpoint: String, detail: String)
    /// Any other libcurl error.
    case curl(endpoint: String, code: Int, detail: String)
    /// The request was cancelled (the worker is stopping).
    case cancelled
    /// The transport was shut down, or libcurl could not be started.
    case unavailable(String)

    /// Whether trying again later may succeed: everything but a URL that can never work.
    public var isTransient: Bool {
        switch self {
        case .invalidURL: return false
        default: return true
        }
    }

    public var description: String {
        switch self {
        case .invalidURL(let endpoint, let detail):
            return "The URL \(endpoint) cannot be used (\(detail)); copy the webhook URL exactly as the platform showed it, starting with https://."
        case .cannotResolve(let endpoint, let detail):
            return "The host of \(endpoint) does not resolve (\(detail)); check the host name in the URL and this machine's DNS."
        case .cannotConnect(let endpoint, let detail):
            return "Nothing accepted a connection at \(endpoint) (\(detail)); check that the receiver is running and reachable from this machine (port, firewall, proxy)."
        case .timedOut(let endpoint, let seconds, let connecting):
            let what = connecting ? "Connecting to" : "The request to"
            let limit = seconds == seconds.rounded() ? "\(Int(seconds))" : "\(seconds)"
            return "\(what) \(endpoint) took longer than \(limit) s; the receiver is slow or unreachable (raise `timeout_seconds:` if it is just slow)."
        case .tls(let endpoint, let detail):
            return "The TLS connection to \(endpoint) failed (\(detail)); check the receiver's certificate and this machine's CA certificates (package ca-certificates)."
        case .connectionLost(let endpoint, let detail):
            return "The connection to \(endpoint) broke off before the answer was complete (\(detail)); the receiver or a proxy closed it."
        case .protocolError(let endpoint, let detail):
            return "\(endpoint) did not answer with valid HTTP (\(detail)); check that the URL points at the webhook and the scheme (http/https) is right."
        case .curl(let endpoint, let code, let detail):
            return "The request to \(endpoint) failed: \(detail) (libcurl error \(code))."
        case .cancelled:
            return "The request was cancelled because the worker is stopping; it is sent again on the next start."
        case .unavailable(let reason):
            return "The HTTP transport is not available: \(reason)."
        }
    }
}
