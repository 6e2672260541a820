import Foundation
import TwinNotify
import TwinServer

/// Connects the server's `LateReplyPoster` to TwinNotify's libcurl `ResponseURLPoster`, so
/// that neither module depends on the other.
struct CurlLateReplyPoster: LateReplyPoster {
    /// The libcurl poster that does the work.
    let poster: ResponseURLPoster

    /// Posts `json` to `url` with the poster's timeout and retries.
    func post(json: Data, to url: String) async throws(LateReplyPostError) {
        do {
            try await poster.post(json: json, to: url)
        } catch {
            throw LateReplyPostError(error.description)
        }
    }
}
