import Hummingbird

extension Request {
    /// The value of the header `name` (compared case-insensitively), for the platform headers
    /// HTTPTypes has no constant for, such as `X-Slack-Signature`.
    func header(_ name: String) -> String? {
        headers.first { $0.name.canonicalName == name.lowercased() }?.value
    }
}
