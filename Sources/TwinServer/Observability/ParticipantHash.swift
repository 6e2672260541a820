import Crypto
import Foundation
import Twinning

/// A participant id as it appears in logs: the first 12 hex digits of its SHA-256, enough to
/// follow one participant through the log, without writing who they are.
enum ParticipantHash {
    /// The hash of `id`.
    static func of(_ id: ParticipantID) -> String {
        SHA256.hash(data: Data(id.description.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
