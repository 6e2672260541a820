import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import TwinConfiguration

extension RetentionPurge {
    /// Only the closed-trajectory rule, after `closedDays`: what the tests of that rule need.
    static func run(_ repository: any TwinRepository, closedDays: Int, now: Date, actor: String) async throws -> [ParticipantID] {
        var settings = RetentionSettings()
        settings.closedDays = closedDays
        settings.inactiveWithoutProfileDays = 0
        settings.unmatchedDays = 0
        return try await run(repository, settings: settings, coordinators: [], now: now, actor: actor).all
    }
}
