import DialogEngine
import Foundation
import Twinning
import TwinStore
import TwinLanguage

/// The pair report in the chat: the document `jobtwin report` prints, as Markdown the
/// participant can copy and share with colleagues and managers, with the ways of sharing and an
/// outline for a short presentation.
enum ReportActions {
    static let signatures: [ActionSignature] = [
        ActionSignature(name: "show_report", summary: "Shows the pair's report as a Markdown document to share (goals, plan, activities, progress, the participant's finished evaluation and, once closed, the partner's), with the ways of sharing experiences and an outline for a short presentation; returns whether there was a trajectory to report.",
                        parameters: [], result: .bool),
    ]

    /// Runs a report action; `nil` when `call` is not one of them.
    static func perform(_ call: ActionCall, participant: ParticipantID, tx: any TwinTransaction, now: Date,
                        labels: OptionLabels) throws -> ActionResult? {
        guard call.name == "show_report" else { return nil }
        let snapshot: TrajectorySnapshot
        do {
            snapshot = try TrajectorySnapshot.read(participant, in: tx)
        } catch is ReportService.ReportError {
            return ActionResult(value: .bool(false), messages: [OutputMessage(.warning, TrajectoryText.noPair)])
        }
        let markdown = LocalizedText { language in
            var document = ParticipantReport(snapshot: snapshot, now: now, language: language,
                                             label: { labels.label($0, $1, language) }).document
            document.sections.append(ReportSharing.section(language))
            return document.markdown.trimmingCharacters(in: .newlines)
        }
        return ActionResult(value: .bool(true), messages: [
            OutputMessage(.summary, LocalizedText(
                nl: "Je verslag als Markdown-document. Kopieer de tekst hieronder naar een bestand (bijvoorbeeld verslag.md), een mail of een document, en deel het met je collega's en je leidinggevende.",
                en: "Your report as a Markdown document. Copy the text below into a file (for example report.md), an email or a document, and share it with your colleagues and your manager.")),
            // A code block, so that chat platforms show the Markdown as it is, ready to copy,
            // rather than render it their own way.
            OutputMessage(.summary, LocalizedText(nl: "```\n\(markdown.nl)\n```", en: "```\n\(markdown.en)\n```")),
        ])
    }
}
