import ArgumentParser
import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// `jobtwin erase`: remove everything personal about one participant.
struct EraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a participant: everything personal is removed from the database file.",
        discussion: """
        Deletes the participant's conversation, answers, profile, likes, own goals, activities, \
        evaluation, notices, consent decisions, kept conversation texts and stored channel \
        requests; the partner keeps their own side of the shared trajectory, with the erased \
        person replaced by an anonymous stand-in. Everything they gave (name, organisation, \
        position, region, free texts) is also taken out of other people's texts, stored replies \
        and notifications. The partner of a running trajectory is told (without \
        a name) that their partner no longer takes part, and the coordinator sees the pair \
        marked as needing a decision; a match proposal is declined and its other side told. \
        Afterwards the WAL is checkpointed and the file vacuumed, so no copy stays behind. \
        Logged in the audit log under the stand-in. Cannot be undone: asks for confirmation on \
        a terminal; --yes skips it.
        """
    )

    @OptionGroup var who: ParticipantArgument

    @Flag(name: .long, help: "Do not ask for confirmation.")
    var yes = false

    @OptionGroup var common: StoreOptions

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            let repository = try await common.repository(configuration)
            let id = try await who.existing(in: repository)
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw CLIError(message: "Erasing cannot be undone; run it on a terminal to confirm, or add --yes.")
                }
                print("Erase everything about \(id)? This cannot be undone. (yes/no) ", terminator: "")
                fflush(nil)
                guard ["yes", "y", "ja", "j"].contains(readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "") else {
                    throw CLIError(message: "Nothing was erased.")
                }
            }
            // The same erasure as the chat's and the purge's: audited under the stand-in (the erased
            // id itself must not come back into the file), partners told, in one transaction.
            guard let erased = try await ParticipantErasure.erase(id, reason: .command, actor: AuditActor.current,
                                                                  repository: repository, now: Date()) else {
                throw CLIError(message: "There is no participant \(id).")
            }
            let standIn = erased.standIn
            guard erased.compacted else {
                throw CLIError(message: "Erased \(id) (shared data now refers to \(standIn)), but the database file could not be "
                    + "vacuumed afterwards: \(erased.compactionProblem ?? "unknown"). The deleted content was overwritten in "
                    + "place; free disk space, and the next erasure or purge compacts the file.")
            }
            print("Erased \(id); shared data now refers to \(standIn). The database file was vacuumed.")
            let partners = erased.partnersOfOpenPairs(of: id)
            if partners.contains(where: { $0.pair.status == .confirmed }) {
                print("Their partner in a running trajectory was told (without a name); the pair now waits for your decision: "
                      + "`jobtwin report --pairs` marks it, and the coordinator's chat settles it (\"Settle a pair whose partner left\").")
            }
            if partners.contains(where: { $0.pair.status == .proposed }) {
                print("A match proposal with them was declined and the other side told; they are back in the matching pool.")
            }
        }
    }
}
