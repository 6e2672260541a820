import DialogEngine
public import Foundation
public import Twinning
public import TwinStore
public import TwinLanguage

/// Erasures that participants confirmed in the chat but that were not carried out: the turn
/// that asked for one records it in its own transaction (`request_erasure`), and the erasure
/// runs after the commit — if the process ended in between, the record remains. They are
/// carried out when `jobtwin chat`, `serve` or `purge` starts, and by the daily retention run,
/// as the participant's own request (the same audit line and partner notices as then).
public enum PendingErasures {
    /// Carries out every owed erasure; returns whom it erased. One that fails stays owed and
    /// is tried at the next start; the others go on.
    public static func complete(repository: any TwinRepository, now: Date) async throws -> [ParticipantID] {
        let owed = try await repository.read { try $0.pendingErasures() }
        var erased: [ParticipantID] = []
        var failure: (any Error)?
        for id in owed {
            do {
                if try await ParticipantErasure.erase(id, reason: .ownRequest, actor: nil, repository: repository, now: now) != nil {
                    erased.append(id)
                }
            } catch {
                failure = failure ?? error
            }
        }
        if let failure, erased.isEmpty { throw failure }
        return erased
    }

    /// What the participant is told once their erasure is done (as after the turn itself).
    public static func confirmation(in language: Language) -> String {
        DataRightsText.erased.text(in: language)
    }
}
