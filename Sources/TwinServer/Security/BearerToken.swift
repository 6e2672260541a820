import Foundation
import Hummingbird
import TwinAssistant
import TwinReply
import TwinConfiguration

/// Checks `Authorization: Bearer <token>` against the API token of `POST /v1/messages`.
struct BearerToken: Sendable {
    let secret: Secret

    /// Whether the request carries the token. A missing header, another scheme and a wrong token
    /// are all just `false`: the 401 must not say which.
    func authorizes(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization] else { return false }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        return SecretComparison.matches(parts[1].trimmingCharacters(in: .whitespaces), secret.value)
    }
}
