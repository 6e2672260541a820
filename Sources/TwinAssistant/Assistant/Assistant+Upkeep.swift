import TwinStore
public import Foundation

extension Assistant {
    /// Whether the assistant can take turns now: its database answers. For a readiness check
    /// (`GET /readyz`).
    ///
    /// - Throws: the store's error when the database does not answer.
    public func checkReadiness() async throws {
        try await repository.ping()
    }

    /// Forgets the ids of channel requests whose reply was delivered before `cutoff`, so that
    /// the table of answered requests stays small; replies still waiting to be posted stay.
    /// Returns how many were forgotten.
    @discardableResult
    public func forgetAnsweredRequests(deliveredBefore cutoff: Date) async throws -> Int {
        try await repository.transaction { try $0.pruneProcessedRequests(deliveredBefore: cutoff) }
    }
}
