#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TwinAssistant
import TwinReply

/// Points where the crash tests make `jobtwin` end abruptly, as a kill -9 or a power cut would,
/// named in `JOBTWIN_FAILPOINT`. Unset, nothing happens.
enum Failpoint {
    /// The variable that names the failpoint.
    static let variable = "JOBTWIN_FAILPOINT"

    /// After the turn that confirms a participant's erasure is committed, before the erasure.
    static let afterErasureRequest = "after-erasure-request"

    /// `options` with the failpoint named in the environment armed.
    static func arm(_ options: AssistantOptions) -> AssistantOptions {
        var options = options
        if ProcessInfo.processInfo.environment[variable] == afterErasureRequest {
            options.afterErasureRequest = { _exit(137) }
        }
        return options
    }
}
