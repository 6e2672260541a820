import DialogEngine
import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinLanguage

/// `jobtwin match` over the stored programme: score the profiles, propose pairs with their
/// explanations, and with `--apply` confirm them as the coordinator's decision.
struct DatabaseMatching {
    let service: MatchingService
    let method: MatchingMethod
    let language: Language

    /// Proposes, and applies when asked; returns what to print.
    func run(json: Bool, apply: Bool, confirm: () -> Bool) async throws -> String {
        let proposal = try await service.propose(method: method)
        guard apply else {
            return json ? try service.json(proposal, language: language, applied: false) + "\n"
                        : service.render(proposal, language: language) + "\n"
        }
        guard !proposal.result.proposals.isEmpty else {
            throw CLIError(message: language.text(nl: "Er is niets om toe te passen: er zijn geen duo's die nu gevormd kunnen worden.", en: "There is nothing to apply: there are no pairs that can be made now."))
        }
        if !json { print(service.render(proposal, language: language)) }
        guard confirm() else {
            throw CLIError(message: language.text(nl: "Niet toegepast.", en: "Not applied."))
        }
        // Audited per partner in the transaction that makes the pairs.
        let created = try await service.apply(proposal, actor: AuditActor.current)
        if json { return try service.json(proposal, language: language, applied: true) + "\n" }
        return language.text(nl: "\n\(created.count) duo('s) bevestigd; ze gaan naar fase 2 (kennismaking) en krijgen bericht.\n", en: "\n\(created.count) pair(s) confirmed; they move to phase 2 (getting acquainted) and will be notified.\n")
    }
}
