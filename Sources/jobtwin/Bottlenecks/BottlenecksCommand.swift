import TwinStore
import TwinConfiguration
import ArgumentParser
import DialogEngine
import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinLanguage

/// `jobtwin bottlenecks`: detect and list the open bottlenecks, with the programme guide's mitigations.
struct BottlenecksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bottlenecks",
        abstract: "Detect the trajectories' bottlenecks and list the open ones, with what helps.",
        discussion: """
        Checks every running pair: no activity for a number of weeks, hours behind the plan, \
        time and room not (fully) agreed with the manager, activities that touched confidential \
        matters, a plan not confirmed by both after a number of days, a context check not done \
        a number of days after the plan was fixed (thresholds under `bottlenecks:` in the \
        configuration), no click with the partner, a knelpunt a participant raised themselves, \
        a partner who no longer takes part because their \
        data was erased (partner_left: the coordinator decides how the pair goes on). A new bottleneck is recorded with a \
        bottleneck.flagged event (bottleneck.reported for what a participant said, for the \
        coordinators only); one that is gone is marked resolved. \
        Safe to run as often as you like (for example daily from cron).
        """
    )

    @OptionGroup var common: StoreOptions

    @Flag(name: .long, help: "Print the open bottlenecks as JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("nl or en (default: the configuration's).", valueName: "nl|en"))
    var lang: String?

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            let repository = try await common.repository(configuration)
            let language = lang.flatMap(Language.init(spelling:)) ?? configuration.language
            let open = try await BottleneckScan.scan(repository, detector: configuration.bottlenecks.detector, now: Date())
            let names = try await repository.read { reader in
                Dictionary(uniqueKeysWithValues: try reader.profiles().map { ($0.0, $0.1.name) })
            }
            let pairs = try await repository.read { try $0.allPairs() }
            // An erased partner's stand-in is shown as such, never by its id.
            func name(_ id: ParticipantID) -> String { names[id] ?? StandInText.name(id, in: language) }
            func pairName(_ id: String) -> String {
                guard let pair = pairs.first(where: { $0.id == id }) else { return id }
                return "\(name(pair.teacher)) & \(name(pair.professional))"
            }
            if json {
                struct Item: Encodable { var pair: String; var pair_id: String; var participant: String?; var kind: String; var detected_at: String; var mitigation: String }
                let items = open.map { b in
                    let text = Bottleneck.description(b.kind)
                    return Item(pair: pairName(b.pairID), pair_id: b.pairID, participant: b.participant?.description, kind: b.kind.rawValue,
                                detected_at: ISO8601DateFormatter().string(from: b.detectedAt), mitigation: text.text(in: language))
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(items), as: UTF8.self))
                return
            }
            if open.isEmpty {
                print(language.text(nl: "Geen open knelpunten.", en: "No open bottlenecks."))
                return
            }
            for bottleneck in open {
                let text = Bottleneck.description(bottleneck.kind)
                let who = bottleneck.participant.map { " (\(name($0)))" } ?? ""
                print("\(pairName(bottleneck.pairID))\(who): \(bottleneck.kind.rawValue)")
                print("    " + text.text(in: language))
            }
        }
    }
}
