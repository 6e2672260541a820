import Logging
import Hummingbird
import TwinAssistant
import TwinReply

/// `GET /healthz` (the process answers), `GET /readyz` (the database answers too) and
/// `GET /metrics` (Prometheus text) — for load balancers, orchestrators and monitoring.
struct HealthEndpoints: Sendable {
    let assistant: Assistant
    let metrics: ServerMetrics

    private struct Status: Encodable {
        let status: String
    }

    func healthz(_ request: Request, context: ServerRequestContext) -> Response {
        JSONResponse.make(Status(status: "ok"))
    }

    func readyz(_ request: Request, context: ServerRequestContext) async -> Response {
        do {
            try await assistant.checkReadiness()
            return JSONResponse.make(Status(status: "ready"))
        } catch {
            context.logger.warning("readiness check: the database does not answer", metadata: ["error": "\(error)"])
            return JSONResponse.make(status: .serviceUnavailable, Status(status: "database unreachable"))
        }
    }

    func metrics(_ request: Request, context: ServerRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }
}
