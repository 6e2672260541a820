import Crypto
public import Foundation

/// Signs requests the way Slack and Teams do, for the tests.
public enum Signing {
    /// Slack's `X-Slack-Signature` for `body` at `timestamp`.
    public static func slack(_ body: String, timestamp: Int, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("v0:\(timestamp):\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "v0=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Slack's two signature headers.
    public static func slackHeaders(_ body: String, timestamp: Int, secret: String, contentType: String) -> [String: String] {
        ["X-Slack-Signature": slack(body, timestamp: timestamp, secret: secret),
         "X-Slack-Request-Timestamp": String(timestamp), "Content-Type": contentType]
    }

    /// Teams' `Authorization: HMAC …` for `body` with the base64 `token`.
    public static func teams(_ body: Data, token: String) -> String {
        let key = SymmetricKey(data: Data(base64Encoded: token) ?? Data())
        return "HMAC " + Data(HMAC<SHA256>.authenticationCode(for: body, using: key)).base64EncodedString()
    }
}
