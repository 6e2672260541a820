import TwinConfiguration
import ArgumentParser
import DialogEngine
import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinLanguage

/// `jobtwin report`: a pair's trajectory, or the programme overview.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a pair's trajectory report, or the anonymised programme overview.",
        discussion: """
        jobtwin report PARTICIPANT prints the goals, the plan, the activities and the progress of \
        the participant's pair and, once the trajectory is closed, both evaluations: a document \
        to hand to a manager. jobtwin report --programme prints, for the coordinator and without \
        names, the pairs per phase, how the plans follow the guideline (at least three months, \
        six to eight meetings, at least 20 hours), the kinds of activity, the goals reached and \
        the open bottlenecks with the mitigations participants used, and the employers' view per \
        organisation (how the managers value Job Twinning, whether they see a follow-up, their \
        words); the coordinators listed in the configuration are not counted as participants. jobtwin report --pairs is the \
        coordinator's working overview: every pair by phase with its progress, the choices kept \
        against the guideline with their reasons, and its open bottlenecks; a pair whose partner \
        was erased is marked as needing a decision.
        """
    )

    @Argument(help: ArgumentHelp("The participant, as CHANNEL:ID (a bare id is a repl: one).", valueName: "participant"))
    var participant: String?

    @Flag(name: .long, help: "The programme overview instead of one pair.")
    var programme = false

    @Flag(name: .long, help: "The coordinator's overview: every pair by phase with progress, kept deviations and their reasons, bottlenecks (names people).")
    var pairs = false

    @Option(name: .long, help: ArgumentHelp("md (Markdown), html or json (the same sections as data).", valueName: "md|html|json"))
    var format: String = "md"

    @Option(name: .long, help: ArgumentHelp("nl or en (default: the participant's language, or the configuration's).", valueName: "nl|en"))
    var lang: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard ["md", "html", "json"].contains(format) else { throw ValidationError("--format is md, html or json") }
        if [programme, pairs, participant != nil].filter({ $0 }).count != 1 {
            throw ValidationError("give a PARTICIPANT, --programme or --pairs")
        }
        if let lang, Language(spelling: lang) == nil { throw ValidationError("--lang is nl or en") }
    }

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            let service = ReportService(repository: try await common.repository(configuration), program: try common.program(configuration),
                                        coordinators: configuration.coordinators, detector: configuration.bottlenecks.detector)
            let requested = lang.flatMap(Language.init(spelling:))
            let document: ReportDocument
            let language: Language
            do {
                if programme {
                    language = requested ?? configuration.language
                    document = try await service.programmeReport(language: language)
                } else if pairs {
                    language = requested ?? configuration.language
                    document = try await CoordinatorOverview(repository: try await common.repository(configuration),
                                                             detector: configuration.bottlenecks.detector,
                                                             hiding: configuration.coordinators).document(language: language)
                } else {
                    guard let text = participant, let id = ParticipantID(text) else {
                        throw CLIError(message: "Participant ids are CHANNEL:ID, like slack:T1:U2 or repl:anna.")
                    }
                    (document, language) = try await service.participantReport(id, language: requested)
                }
            } catch let error as ReportService.ReportError {
                throw CLIError(message: error.description)
            }
            switch format {
            case "html": print(document.html(language: language.rawValue), terminator: "")
            case "json": print(String(decoding: try document.json(), as: UTF8.self))
            default: print(document.markdown, terminator: "")
            }
        }
    }
}
