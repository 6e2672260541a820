import CCurl

/// Turns libcurl's result codes into `TransportError`s that say what to check.
enum CurlErrorMapping {
    /// The error for `code`; `detail` is curl's message, `connected` whether a connection was
    /// made before it failed (to tell a connect timeout from a slow answer).
    static func error(for code: CURLcode, detail: String, request: OutboundRequest, connected: Bool) -> TransportError {
        let endpoint = request.displayURL
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidURL(endpoint: endpoint, detail: detail)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .cannotResolve(endpoint: endpoint, detail: detail)
        case CURLE_COULDNT_CONNECT:
            return .cannotConnect(endpoint: endpoint, detail: detail)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(endpoint: endpoint, seconds: connected ? request.timeout : min(request.connectTimeout, request.timeout),
                             whileConnecting: !connected)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_SHUTDOWN_FAILED:
            return .tls(endpoint: endpoint, detail: detail)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return .connectionLost(endpoint: endpoint, detail: detail)
        case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3:
            return .protocolError(endpoint: endpoint, detail: detail)
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        default:
            return .curl(endpoint: endpoint, code: Int(code.rawValue), detail: detail)
        }
    }
}
