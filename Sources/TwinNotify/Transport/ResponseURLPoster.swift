public import Foundation

/// Posts a JSON body to a one-off reply URL (a Slack slash command's `response_url`) over
/// `CurlTransport`: each attempt with a timeout, and a failure that may pass (no connection, a
/// timeout, 408, 429, 5xx) tried again after a short pause. Errors name the receiver by
/// scheme and host only, never by the URL (its path is a credential).
public struct ResponseURLPoster: Sendable {
    /// The transport the posts go through.
    public let transport: CurlTransport
    /// How long one attempt may take, in seconds.
    public var timeout: Double
    /// How many times a failure that may pass is tried again.
    public var retries: Int
    /// The pause before the first retry; it doubles for each next one.
    public var pause: Duration

    /// Creates a poster: 10 s per attempt, two retries after 1 s and 2 s.
    public init(transport: CurlTransport, timeout: Double = 10, retries: Int = 2, pause: Duration = .seconds(1)) {
        self.transport = transport
        self.timeout = timeout
        self.retries = retries
        self.pause = pause
    }

    /// Posts `json` to `url` until the receiver answers 2xx, or the retries are spent.
    ///
    /// - Throws: `ResponseURLPostError` with the last reason, saying what to check.
    public func post(json: Data, to url: String) async throws(ResponseURLPostError) {
        let request = OutboundRequest(url: url, headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8")],
                                      body: json, timeout: timeout, connectTimeout: min(5, timeout))
        var wait = pause
        var attempt = 0
        while true {
            attempt += 1
            let retryable: Bool
            let reason: String
            do {
                let response = try await transport.send(request)
                if response.isSuccess { return }
                retryable = response.status == 408 || response.status == 429 || response.status >= 500
                reason = "\(request.displayURL) answered \(response.status) \(response.bodyText(limit: 120))"
                    + (retryable ? "" : "; the URL may have expired (Slack allows 30 minutes and 5 posts) or been refused")
            } catch {
                retryable = error.isTransient && error != .cancelled
                reason = error.description
            }
            guard retryable, attempt <= retries else {
                throw ResponseURLPostError(reason: reason, attempts: attempt)
            }
            try? await Task.sleep(for: wait)
            wait *= 2
        }
    }
}

/// Why a reply could not be posted to its response URL.
public struct ResponseURLPostError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The last attempt's failure, naming the receiver by scheme and host only.
    public let reason: String
    /// How many attempts were made.
    public let attempts: Int

    public var description: String { "not posted after \(attempts) attempt(s): \(reason)" }
}
