import CCurl
import Foundation
import Synchronization

/// A small HTTP client over libcurl's multi interface, for everything JobTwin posts: many
/// requests run at once over shared, reused connections; each has a connect and a total
/// timeout; TLS is verified; redirects are not followed; every failure is a `TransportError`
/// that says what to check.
///
/// `send` suspends the calling task without blocking a thread: the requests are driven by a
/// thread of the transport's own (`CurlMultiLoop`) and come back through continuations.
/// Cancelling the task cancels its request.
public final class CurlTransport: Sendable {
    /// The most of a response body that is kept (the rest is read and dropped): enough for any
    /// error message or `retry_after`, and a receiver cannot fill the memory.
    public static let maxBodyBytes = 64 * 1024

    /// The `User-Agent` sent.
    public static let userAgent = "jobtwin-notify/1 (libcurl)"

    /// libcurl's process-wide start, run once before the first handle is made.
    static let globalInit: CURLcode = jt_global_init()

    private let loop: CurlMultiLoop

    /// Starts a transport.
    ///
    /// - Parameters:
    ///   - maxConnectionsPerHost: requests to one host beyond this wait for a free connection.
    ///   - maxConnections: connections open at once, and idle ones kept for reuse.
    /// - Throws: `TransportError.unavailable` when libcurl cannot be started.
    public init(maxConnectionsPerHost: Int = 16, maxConnections: Int = 64) throws(TransportError) {
        loop = try CurlMultiLoop(maxConnectionsPerHost: maxConnectionsPerHost, maxConnections: maxConnections)
    }

    deinit { loop.stop() }

    /// The version of the libcurl in use, e.g. `libcurl/7.88.1 OpenSSL/3.0.17 …`.
    public static var curlVersion: String { String(cString: curl_version()) }

    /// Sends `request` and returns the receiver's answer, whatever its status.
    ///
    /// - Throws: `TransportError` when there was no HTTP answer (name, connection, timeout,
    ///   TLS, cancellation).
    public func send(_ request: OutboundRequest) async throws(TransportError) -> OutboundResponse {
        if Task.isCancelled { throw .cancelled }
        // The transport must outlive its request even when the caller holds it only for this
        // call (`try CurlTransport().send(…)`): its deinit stops the loop.
        defer { withExtendedLifetime(self) {} }
        let holder = TransferHolder()
        let loop = self.loop
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<OutboundResponse, TransportError>, Never>) in
                let transfer = CurlTransfer(request: request, continuation: continuation)
                holder.set(transfer)
                loop.submit(transfer)
            }
        } onCancel: {
            holder.cancel()
            loop.wake()
        }
        return try result.get()
    }
}

/// Lets the cancellation handler reach a transfer that may not exist yet: a cancel that comes
/// first is remembered and applied when the transfer is set.
private final class TransferHolder: Sendable {
    private let state = Mutex<(transfer: CurlTransfer?, cancelled: Bool)>((nil, false))

    func set(_ transfer: CurlTransfer) {
        let cancelled = state.withLock { state in
            state.transfer = transfer
            return state.cancelled
        }
        if cancelled { transfer.cancel() }
    }

    func cancel() {
        let transfer = state.withLock { state in
            state.cancelled = true
            return state.transfer
        }
        transfer?.cancel()
    }
}
