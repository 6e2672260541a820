import Crypto
import Foundation

/// The token in a Mattermost message button's context: an HMAC-SHA256, keyed with the
/// server's secret, over who may click it, which question it answers and the answer.
///
/// Mattermost does not sign the requests its buttons send, and anyone who can reach the
/// server can send one; only a request whose token this server made is taken.
public struct ActionToken: Sendable {
    private let secret: Data

    /// A token maker with the key `secret`.
    public init(secret: String) {
        self.secret = Data(secret.utf8)
    }

    /// The token for `participant` answering the question `button` with `answer`.
    public func token(participant: String, button: PromptButton, answer: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(Self.message(participant, button, answer).utf8), using: SymmetricKey(data: secret))
        return code.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `token` is the one this key makes for the same three things (constant time).
    public func isValid(_ token: String, participant: String, button: PromptButton, answer: String) -> Bool {
        let expected = Array(self.token(participant: participant, button: button, answer: answer).utf8)
        let given = Array(token.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }

    // Each part on its own line: a participant id, a slot or an answer cannot hold a line
    // break, so no two different triples give the same message.
    private static func message(_ participant: String, _ button: PromptButton, _ answer: String) -> String {
        "jobtwin-action-v1\n" + participant + "\n" + button.encoded + "\n" + answer
    }
}
