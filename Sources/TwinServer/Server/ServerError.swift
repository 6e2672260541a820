import Foundation
public import Hummingbird

/// Why a request was refused, as the HTTP response that says so: a status and a JSON body
/// `{"error": {"code": "…", "message": "…"}}` whose message tells the caller what to do.
///
/// Messages never hold a secret, a signature or a stored value; a 401 never says which part of
/// the credentials failed.
public struct ServerError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A stable, machine-readable name of the problem (`malformed_json`, `rate_limited`, …).
    public let code: String
    /// What went wrong and what to do, for the integrator reading it.
    public let message: String
    /// Extra response headers (`Retry-After`, `Allow`, `WWW-Authenticate`).
    public var headers: HTTPFields

    /// Creates an error response.
    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// The JSON response that reports this error.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(status: status, ErrorBody(error: .init(code: code, message: message)), headers: headers)
    }

    private struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
        }
        let error: Detail
    }
}

extension ServerError {
    /// Missing or wrong credentials; deliberately the same whatever failed.
    static func unauthorized(scheme: String? = nil) -> ServerError {
        var headers: HTTPFields = [:]
        if let scheme { headers[.wwwAuthenticate] = scheme }
        return ServerError(.unauthorized, code: "unauthorized",
                           message: "The request is not authorized: its credentials are missing or wrong. Check the token or signing secret configured for this channel.",
                           headers: headers)
    }

    /// A body that cannot be read as the channel's format.
    static func badRequest(_ code: String, _ message: String) -> ServerError {
        ServerError(.badRequest, code: code, message: message)
    }

    /// A body over the limit.
    static func tooLarge(limit: Int) -> ServerError {
        ServerError(.contentTooLarge, code: "body_too_large",
                    message: "The request body is larger than \(limit) bytes; send shorter messages.")
    }

    /// A body that is not UTF-8.
    static let invalidUTF8 = ServerError(.badRequest, code: "invalid_utf8",
                                         message: "The request body is not valid UTF-8 text; send UTF-8.")

    /// No endpoint at this path.
    static let notFound = ServerError(.notFound, code: "not_found",
                                      message: "There is no endpoint here (or its channel is not configured). See the README's list of endpoints.")

    /// The path exists, the method does not.
    static func methodNotAllowed(_ allowed: [HTTPRequest.Method]) -> ServerError {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return ServerError(.methodNotAllowed, code: "method_not_allowed",
                           message: "This endpoint only accepts \(list).", headers: [.allow: list])
    }

    /// The participant sent too much, too fast.
    static func rateLimited(retryAfter seconds: Int) -> ServerError {
        ServerError(.tooManyRequests, code: "rate_limited",
                    message: "Too many messages from this participant; try again in \(seconds) s. Nothing of this request was taken.",
                    headers: [.retryAfter: String(seconds)])
    }

    /// The database could not take the turn.
    static let unavailable = ServerError(.serviceUnavailable, code: "storage_unavailable",
                                         message: "The message could not be saved, so nothing of it was kept. Try again shortly.",
                                         headers: [.retryAfter: "1"])

    /// Something unexpected; details are in the server's log only.
    static let internalError = ServerError(.internalServerError, code: "internal_error",
                                           message: "The server failed to handle this request; nothing of it was kept. The server log has the details.")

    /// The kind counted in `jobtwin_errors_total`.
    var metricKind: String {
        switch status {
        case .unauthorized: return "unauthorized"
        case .contentTooLarge: return "too_large"
        case .tooManyRequests: return "rate_limited"
        case .notFound: return "not_found"
        case .methodNotAllowed: return "method_not_allowed"
        case .serviceUnavailable: return "storage"
        case .internalServerError: return "internal"
        default: return "bad_request"
        }
    }
}
