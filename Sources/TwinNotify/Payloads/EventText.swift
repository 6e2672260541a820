import Foundation
public import Twinning
public import TwinLanguage

/// The title and text of each event, in Dutch and English, naming the people by their
/// profile names.
public enum EventText {
    /// The title and text of `event`.
    public static func texts(_ event: ProgrammeEvent, context: EventContext) -> (title: LocalizedText, text: LocalizedText) {
        let pair = pairNames(event, context)
        switch event.kind {
        case .matchProposed:
            return (LocalizedText(nl: "Nieuw koppel voorgesteld", en: "New pair proposed"),
                    LocalizedText(nl: "\(pair.nl) zijn als koppel voorgesteld; beiden bevestigen het voorstel in de chat.",
                                  en: "\(pair.en) were proposed as a pair; both confirm the proposal in the chat."))
        case .matchMutualLike:
            return (LocalizedText(nl: "Wederzijdse interesse", en: "Mutual like"),
                    LocalizedText(nl: "\(pair.nl) hebben elkaar allebei gekozen in open matching.",
                                  en: "\(pair.en) both chose each other in open matching."))
        case .matchConfirmed:
            return (LocalizedText(nl: "Koppel bevestigd", en: "Pair confirmed"),
                    LocalizedText(nl: "\(pair.nl) vormen nu een koppel en beginnen met de kennismaking.",
                                  en: "\(pair.en) are now a pair and start getting acquainted."))
        case .planAwaitingConfirmation:
            let who = participantNames(event, context)
            return (LocalizedText(nl: "Planning wacht op bevestiging", en: "Plan awaiting confirmation"),
                    LocalizedText(nl: "De planning van \(pair.nl) is voorgesteld en wacht op de bevestiging van \(who.nl).",
                                  en: "The plan of \(pair.en) was proposed and awaits confirmation by \(who.en)."))
        case .activityAwaitingConfirmation:
            let who = participantNames(event, context)
            return (LocalizedText(nl: "Activiteit wacht op bevestiging", en: "Activity awaiting confirmation"),
                    LocalizedText(nl: "Bij \(pair.nl) is een activiteit vastgelegd die wacht op de bevestiging van \(who.nl).",
                                  en: "An activity of \(pair.en) was logged and awaits confirmation by \(who.en)."))
        case .phaseCompleted:
            let phase = context.phase.map(phaseName)
            return (LocalizedText(nl: "Fase afgerond", en: "Phase completed"),
                    LocalizedText(nl: "\(pair.nl) hebben een fase afgerond" + (phase.map { "; ze zijn nu in de fase \($0.nl)." } ?? "."),
                                  en: "\(pair.en) completed a phase" + (phase.map { "; they are now in the phase \($0.en)." } ?? ".")))
        case .reminderInactivity:
            return (LocalizedText(nl: "Herinnering: geen activiteit", en: "Reminder: no activity"),
                    LocalizedText(nl: "\(pair.nl) hebben al een tijd geen activiteit vastgelegd. Tijd om de volgende activiteit te plannen!",
                                  en: "\(pair.en) have not logged an activity for a while. Time to plan the next one!"))
        case .reminderEvaluation:
            return (LocalizedText(nl: "Herinnering: evaluatie", en: "Reminder: evaluation"),
                    LocalizedText(nl: "De planning van \(pair.nl) loopt binnenkort af en de afsluitende evaluatie is nog niet ingevuld.",
                                  en: "The plan of \(pair.en) ends soon and the closing evaluation is not finished yet."))
        case .bottleneckFlagged:
            var nl = "Bij \(pair.nl) is een knelpunt gesignaleerd"
            var en = "A bottleneck was flagged for \(pair.en)"
            if let first = event.participants.first {
                nl += " (betreft \(context.name(first, in: .nl)))"
                en += " (concerning \(context.name(first, in: .en)))"
            }
            if let kind = context.bottleneck {
                let description = Bottleneck.description(kind)
                nl += ". " + description.nl
                en += ". " + description.en
            } else {
                nl += "."
                en += "."
            }
            return (LocalizedText(nl: "Knelpunt gesignaleerd", en: "Bottleneck flagged"), LocalizedText(nl: nl, en: en))
        case .bottleneckReported:
            return reported(event, context, pair: pair)
        case .trajectoryClosed:
            return (LocalizedText(nl: "Traject afgerond", en: "Trajectory closed"),
                    LocalizedText(nl: "\(pair.nl) hebben hun traject afgerond en allebei de evaluatie ingevuld.",
                                  en: "\(pair.en) closed their trajectory; both finished the evaluation."))
        case .coordinatorNudge:
            var nl = "De coördinator heeft \(pair.nl) een bericht gestuurd"
            var en = "The coordinator sent \(pair.en) a message"
            if let message = context.nudge {
                nl += ": \u{201C}\(message)\u{201D}"
                en += ": \u{201C}\(message)\u{201D}"
            } else {
                nl += "."
                en += "."
            }
            return (LocalizedText(nl: "Bericht van de coördinator", en: "Message from the coordinator"), LocalizedText(nl: nl, en: en))
        case .retentionWarning:
            let who = participantNames(event, context)
            return (LocalizedText(nl: "Wil je blijven meedoen?", en: "Do you want to stay in the programme?"),
                    LocalizedText(nl: "\(who.nl) is nog niet gematcht en heeft al lang niets laten horen. Zonder bericht in de chat van Job Twinning worden de gegevens binnenkort verwijderd; een bericht (bijvoorbeeld 'status') is genoeg om te blijven meedoen.",
                                  en: "\(who.en) has not been matched yet and has been silent for a long time. Without a message in the Job Twinning chat the data will be erased soon; one message (for example 'status') is enough to stay."))
        }
    }

    /// A participant told the coordinator something is not working: what, in their words, and
    /// what helps. Only the coordinators get this; it names who said it.
    static func reported(_ event: ProgrammeEvent, _ context: EventContext, pair: LocalizedText) -> (title: LocalizedText, text: LocalizedText) {
        let who = event.participants.first.map { LocalizedText(nl: context.name($0, in: .nl), en: context.name($0, in: .en)) }
            ?? LocalizedText(nl: "Een deelnemer", en: "A participant")
        var nl: String, en: String
        if let report = context.report {
            let topic = ReportedBottleneck.name(report.topic)
            nl = "\(who.nl) meldt een knelpunt in het duo \(pair.nl): \(topic.nl)."
            en = "\(who.en) reports a bottleneck in the pair \(pair.en): \(topic.en)."
            if let words = report.words, !words.isEmpty {
                nl += " In eigen woorden: \u{201C}\(words)\u{201D}"
                en += " In their own words: \u{201C}\(words)\u{201D}"
            }
        } else if context.bottleneck == .noClick {
            nl = "\(who.nl) geeft aan dat er geen klik is met de partner in het duo \(pair.nl)."
            en = "\(who.en) says there is no click with the partner in the pair \(pair.en)."
        } else {
            nl = "\(who.nl) meldt een knelpunt in het duo \(pair.nl)."
            en = "\(who.en) reports a bottleneck in the pair \(pair.en)."
        }
        if let kind = context.bottleneck {
            let description = Bottleneck.description(kind)
            nl += " " + description.nl
            en += " " + description.en
        }
        nl += " De partner weet hier niet van."
        en += " The partner has not been told."
        return (LocalizedText(nl: "Knelpunt gemeld door een deelnemer", en: "Bottleneck reported by a participant"), LocalizedText(nl: nl, en: en))
    }

    /// "Anna (docent) en Bram (professional)": the pair's people, teacher first, or the event's
    /// participants when the pair is unknown.
    static func pairNames(_ event: ProgrammeEvent, _ context: EventContext) -> LocalizedText {
        let people = context.pair.map { [$0.teacher, $0.professional] } ?? event.participants
        guard !people.isEmpty else { return LocalizedText(nl: "Een koppel", en: "A pair") }
        func described(_ language: Language) -> [String] {
            people.map { id in
                let name = context.name(id, in: language)
                guard let side = context.sides[id] else { return name }
                switch (side, language) {
                case (.teacher, .nl): return "\(name) (docent)"
                case (.teacher, .en): return "\(name) (teacher)"
                case (.professional, _): return "\(name) (professional)"
                }
            }
        }
        return LocalizedText(nl: list(described(.nl), and: "en"), en: list(described(.en), and: "and"))
    }

    /// "Anna en Bram": the event's participants by name, without their sides.
    static func participantNames(_ event: ProgrammeEvent, _ context: EventContext) -> LocalizedText {
        LocalizedText(nl: list(event.participants.map { context.name($0, in: .nl) }, and: "en"),
                      en: list(event.participants.map { context.name($0, in: .en) }, and: "and"))
    }

    static func list(_ items: [String], and word: String) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(word) " + (items.last ?? "")
        }
    }

    static func phaseName(_ phase: Phase) -> LocalizedText { PhaseText.name(phase) }
}
