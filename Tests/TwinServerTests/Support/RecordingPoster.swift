import Foundation
import Synchronization
import TwinServer

/// A fake of Slack's `response_url` endpoints: it records every JSON body posted and where,
/// in order, and can be told to refuse.
final class RecordingPoster: LateReplyPoster {
    struct Post: Sendable {
        var url: String
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        /// The message's `text`.
        var text: String { json["text"] as? String ?? "" }
        /// Its `response_type`.
        var type: String { json["response_type"] as? String ?? "" }
    }

    private let state: Mutex<(posts: [Post], failing: Bool)>

    /// A poster that takes everything, or refuses everything (`failing`).
    init(failing: Bool = false) { state = Mutex(([], failing)) }

    var posts: [Post] { state.withLock { $0.posts } }

    var count: Int { posts.count }

    func post(json: Data, to url: String) async throws(LateReplyPostError) {
        let failing = state.withLock { state -> Bool in
            state.posts.append(Post(url: url, body: json))
            return state.failing
        }
        if failing { throw LateReplyPostError("the test receiver refused it") }
    }

    /// Waits until at least `count` bodies came, at most `timeout` seconds.
    func waitFor(_ count: Int, timeout: Double = 10) async throws -> [Post] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let now = posts
            if now.count >= count { return now }
            try await Task.sleep(for: .milliseconds(10))
        }
        return posts
    }
}
