import CCurl
import Foundation
import Synchronization

/// A libcurl multi handle driven by a thread of its own: it runs `curl_multi_perform` and
/// `curl_multi_poll` so that many requests share connections and progress at once, and the
/// waiting never occupies a thread of Swift's cooperative pool.
///
/// Other threads only hand over transfers and wake the loop (`curl_multi_wakeup` is safe to
/// call from any thread); the multi handle, the easy handles and the table of transfers in
/// flight are touched by the loop's thread alone.
final class CurlMultiLoop: @unchecked Sendable {
    private struct Inbox {
        var added: [CurlTransfer] = []
        var stopping = false
        /// The multi handle is gone: nobody may wake it any more.
        var finished = false
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    /// The loop thread's own table of transfers in flight, by easy handle.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    /// Creates the multi handle and starts the thread.
    init(maxConnectionsPerHost: Int, maxConnections: Int) throws(TransportError) {
        guard CurlTransport.globalInit == CURLE_OK else {
            throw .unavailable("libcurl could not be initialised (curl_global_init failed)")
        }
        guard let multi = curl_multi_init() else { throw .unavailable("libcurl could not create a multi handle (out of memory?)") }
        self.multi = multi
        // Queue requests beyond the limits instead of opening ever more connections; keep the
        // idle ones for reuse.
        _ = jt_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        _ = jt_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        _ = jt_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maxConnections)
        let thread = Thread { [self] in run() }
        thread.name = "jobtwin.curl"
        thread.start()
    }

    /// Hands a transfer to the loop.
    func submit(_ transfer: CurlTransfer) {
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.stopping else { return false }
            inbox.added.append(transfer)
            curl_multi_wakeup(multi)
            return true
        }
        if !accepted { transfer.finish(.failure(.unavailable("the transport was shut down"))) }
    }

    /// Wakes the loop so that it notices a cancelled transfer at once.
    func wake() {
        // Under the lock: the loop frees the multi handle under it too.
        inbox.withLock { inbox in
            if !inbox.finished { curl_multi_wakeup(multi) }
        }
    }

    /// Stops the loop: transfers still in flight end with `.unavailable`.
    func stop() {
        inbox.withLock { inbox in
            inbox.stopping = true
            if !inbox.finished { curl_multi_wakeup(multi) }
        }
    }

    private func run() {
        var running: Int32 = 0
        while true {
            let (added, stopping) = inbox.withLock { inbox in
                defer { inbox.added = [] }
                return (inbox.added, inbox.stopping)
            }
            for transfer in added { start(transfer) }
            if stopping { break }
            dropCancelled()
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            // Waits for socket activity, curl's own next timeout, or a wakeup — at most 1 s.
            _ = curl_multi_poll(multi, nil, 0, 1_000, nil)
        }
        for (easy, transfer) in active {
            curl_multi_remove_handle(multi, easy)
            transfer.finish(.failure(.unavailable("the transport was shut down")))
        }
        active = [:]
        let stranded = inbox.withLock { inbox in
            defer { inbox.added = [] }
            inbox.finished = true
            curl_multi_cleanup(multi)
            return inbox.added
        }
        for transfer in stranded { transfer.finish(.failure(.unavailable("the transport was shut down"))) }
    }

    private func start(_ transfer: CurlTransfer) {
        if transfer.isCancelled {
            transfer.finish(.failure(.cancelled))
            return
        }
        guard let easy = transfer.makeHandle() else { return }
        let code = curl_multi_add_handle(multi, easy)
        guard code == CURLM_OK else {
            transfer.finish(.failure(.unavailable("libcurl could not start the request (\(String(cString: curl_multi_strerror(code))))")))
            return
        }
        active[easy] = transfer
    }

    private func dropCancelled() {
        for (easy, transfer) in active where transfer.isCancelled {
            curl_multi_remove_handle(multi, easy)
            active[easy] = nil
            transfer.finish(.failure(.cancelled))
        }
    }

    private func collectFinished() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard jt_msg_is_done(message) != 0, let easy = message.pointee.easy_handle else { continue }
            let code = jt_msg_result(message)
            curl_multi_remove_handle(multi, easy)
            if let transfer = active.removeValue(forKey: easy) {
                transfer.complete(code)
            }
        }
    }
}
