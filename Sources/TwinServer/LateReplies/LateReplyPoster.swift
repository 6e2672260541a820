public import Foundation

/// Posts a reply that came after a platform's deadline to the URL the platform gave for it
/// (a Slack slash command's `response_url`).
///
/// TwinServer only knows this protocol; `jobtwin serve` supplies the libcurl implementation
/// from TwinNotify, so that the server does not depend on the notification module.
public protocol LateReplyPoster: Sendable {
    /// Posts `json` (a complete JSON body) to `url`, with its own timeout and retries.
    ///
    /// - Throws: `LateReplyPostError` when the receiver did not take it after the retries.
    func post(json: Data, to url: String) async throws(LateReplyPostError)
}

/// Why a late reply could not be posted, in words that never contain the URL's secret part.
public struct LateReplyPostError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong and what to check, naming the receiver by scheme and host only.
    public let description: String

    /// Creates an error; `description` must not contain the full URL.
    public init(_ description: String) {
        self.description = description
    }
}
