import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The first middleware of every request: turns errors into JSON responses (404, 405 for a
/// served path with the wrong method, 500 for anything unexpected), counts the request in the
/// metrics and writes one structured log line — request id, channel, hashed participant,
/// status, latency. Headers and bodies are never logged, so no token or signature can be.
struct RequestObserver: RouterMiddleware {
    typealias Context = ServerRequestContext

    /// Echoed on every response, so that an integrator can quote it when reporting a problem.
    private static let requestIDHeader = HTTPField.Name("X-Request-ID")

    let routes: RouteTable
    let metrics: ServerMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let route = routes.route(for: request.uri.path)
        let channel = route?.channel ?? "none"
        var response: Response
        var failure: ServerError?
        do {
            response = try await next(request, context)
        } catch let error as ServerError {
            failure = error
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            let refusal: ServerError = route.map { .methodNotAllowed($0.methods) } ?? .notFound
            failure = refusal
            response = try refusal.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            logger.error("request failed unexpectedly", metadata: ["request_id": "\(context.requestID)", "error": "\(error)"])
            failure = .internalError
            response = try ServerError.internalError.response(from: request, context: context)
        }
        if let failure { metrics.error(channel: channel, kind: failure.metricKind) }
        let duration = clock.now - start
        metrics.request(channel: channel, status: response.status.code, duration: duration)
        if let name = Self.requestIDHeader { response.headers[name] = context.requestID }
        // Every answer of the web chat, error pages included, carries its security headers.
        if WebHeaders.covers(request.uri.path) { WebHeaders.apply(to: &response.headers) }
        let level: Logger.Level = response.status.code >= 500 ? .error : .info
        // The line's fields cost more than the rest of this middleware; build them only when
        // the line is written.
        guard logger.logLevel <= level else { return response }
        var metadata: Logger.Metadata = [
            "request_id": "\(context.requestID)",
            "method": "\(request.method.rawValue)",
            "path": "\(Self.loggable(request.uri.path))",
            "channel": "\(channel)",
            "status": "\(response.status.code)",
            "latency_ms": "\(Self.milliseconds(duration))",
        ]
        if let participant = context.notes.participantHash { metadata["participant"] = "\(participant)" }
        if let failure { metadata["error"] = "\(failure.code)" }
        logger.log(level: level, "request", metadata: metadata)
        return response
    }

    /// The path as logged: an invitation link's token is a credential, so `/chat/TOKEN` is
    /// written `/chat/…`.
    static func loggable(_ path: String) -> Substring {
        if path.hasPrefix("/chat/"), path != InvitationEndpoints.logoutPath { return "/chat/…" }
        return path.prefix(120)
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
        return String(format: "%.2f", value)
    }
}
