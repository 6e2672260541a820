import DialogEngine
import Twinning
import TwinLanguage

/// The texts of the coordinator's actions in the chat, in both languages. Lines stay short and
/// there are no tables, so that they read well on a phone.
enum CoordinatorText {
    static let refused = LocalizedText(
        nl: "Dit kan alleen een coördinator van het programma. Er is niets getoond of veranderd.",
        en: "Only a coordinator of the programme can do this. Nothing was shown or changed.")
    static let noBottlenecks = LocalizedText(
        nl: "Er zijn geen open knelpunten.",
        en: "There are no open bottlenecks.")
    static let noProposals = LocalizedText(
        nl: "Er is nu niets voor te stellen: er zijn geen deelnemers die nog gekoppeld kunnen worden (met een profiel, in fase 1 en nog zonder duo), of geen docent en professional die bij elkaar mogen.",
        en: "There is nothing to propose now: there are no participants who can still be paired (with a profile, in phase 1 and not in a pair yet), or no teacher and professional who may be paired.")
    static let nothingApplied = LocalizedText(
        nl: "Er zijn geen duo's bevestigd.",
        en: "No pairs were confirmed.")
    static let noRunningPairs = LocalizedText(
        nl: "Er zijn nog geen lopende duo's.",
        en: "There are no running pairs yet.")
    static let samePerson = LocalizedText(
        nl: "Dat is twee keer dezelfde deelnemer; kies twee verschillende deelnemers.",
        en: "That is the same participant twice; choose two different participants.")
    static let emptyMessage = LocalizedText(
        nl: "Het bericht is leeg; er is niets verstuurd.",
        en: "The message is empty; nothing was sent.")

    static let noPairsWithoutPartner = LocalizedText(
        nl: "Er is geen lopend duo waarvan een partner niet meer meedoet; er hoeft niets beslist te worden.",
        en: "There is no running pair whose partner no longer takes part; there is nothing to decide.")
    static let notWithoutPartner = LocalizedText(
        nl: "Bij dat duo doen nog beide partners mee (of het loopt niet meer); er is niets veranderd. Kies een duo uit de lijst.",
        en: "Both partners of that pair still take part (or it no longer runs); nothing was changed. Choose a pair from the list.")
    static let unknownDecision = LocalizedText(
        nl: "Dat besluit ken ik niet; er is niets veranderd. Kies opnieuw matchen of alleen afronden.",
        en: "I do not know that decision; nothing was changed. Choose to match again or to close alone.")
    /// The notice for the remaining participant: back to matching.
    static let settledRematchNotice = LocalizedText(
        nl: "De coördinator heeft besloten: je doet opnieuw mee aan de matching. Je profiel staat nog; zodra er een nieuwe partner voor je is, hoor je het. Je vorige doelen, planning en activiteiten blijven bewaard.",
        en: "The coordinator has decided: you take part in matching again. Your profile is still there; as soon as there is a new partner for you, you will hear about it. Your previous goals, plan and activities are kept.")
    /// The notice for the remaining participant: finish alone with the evaluation.
    static let settledCloseNotice = LocalizedText(
        nl: "De coördinator heeft besloten: je rondt je traject alleen af. Kies 'De afsluitende evaluatie' in het menu om je eigen evaluatie in te vullen; daarna is je traject afgerond.",
        en: "The coordinator has decided: you close your trajectory alone. Choose 'The closing evaluation' in the menu to fill in your own evaluation; then your trajectory is complete.")
    /// The notice for the remaining participant who had already finished their evaluation.
    static let settledClosedNotice = LocalizedText(
        nl: "De coördinator heeft je traject afgesloten. Je evaluatie was al af: je traject is afgerond. Dank je wel voor je deelname!",
        en: "The coordinator has closed your trajectory. Your evaluation was already complete: your trajectory is finished. Thank you for taking part!")

    static func settledRematch(_ name: String) -> LocalizedText {
        LocalizedText(nl: "Vastgelegd: \(name) gaat terug naar fase 1 (matching) en kan opnieuw gematcht worden. \(name) krijgt daar bericht over.",
                      en: "Recorded: \(name) goes back to phase 1 (matching) and can be matched again. \(name) will be told.")
    }

    static func settledClose(_ name: String) -> LocalizedText {
        LocalizedText(nl: "Vastgelegd: het traject is afgesloten; \(name) rondt het alleen af met de eigen evaluatie en krijgt daar bericht over.",
                      en: "Recorded: the trajectory is closed; \(name) finishes it alone with their own evaluation and will be told.")
    }

    /// The running pairs whose partner left, numbered by the participant who remains.
    static func pairsWithoutPartner(_ rows: [(names: String, status: LocalizedText)]) -> LocalizedText {
        LocalizedText { language in
            var lines = [language.text(nl: "Duo's waarvan een partner niet meer meedoet (beslissing nodig):", en: "Pairs whose partner no longer takes part (decision needed):")]
            for (index, row) in rows.enumerated() {
                lines.append("\(index + 1). \(row.names) — \(row.status.text(in: language))")
            }
            return lines.joined(separator: "\n")
        }
    }

    static func bottlenecksHeader(_ count: Int) -> LocalizedText {
        LocalizedText(nl: "Open knelpunten (\(count)), met wat deelnemers zelf hielp:",
                      en: "Open bottlenecks (\(count)), with what helped participants themselves:")
    }

    static func unknownParticipant(_ typed: String) -> LocalizedText {
        LocalizedText(
            nl: "Ik vind niemand die „\(typed)” heet of dat id heeft. Typ een id zoals slack:T1:U1 of repl:anna, of de volledige naam.",
            en: "I find nobody called \u{201C}\(typed)\u{201D} or with that id. Type an id such as slack:T1:U1 or repl:anna, or the full name.")
    }

    static func ambiguous(_ people: [String]) -> LocalizedText {
        LocalizedText(nl: "Meerdere deelnemers hebben die naam: \(people.joined(separator: ", ")). Typ het id van wie je bedoelt.",
                      en: "Several participants have that name: \(people.joined(separator: ", ")). Type the id of the one you mean.")
    }

    static func excluded(_ a: String, _ b: String) -> LocalizedText {
        LocalizedText(nl: "Vastgelegd: \(a) en \(b) worden in geen enkele matchingronde meer aan elkaar gekoppeld.",
                      en: "Recorded: \(a) and \(b) will not be paired in any matching round.")
    }

    static func pairPicked(_ pair: String) -> LocalizedText {
        LocalizedText(nl: "Duo: \(pair).", en: "Pair: \(pair).")
    }

    static func unknownPair(_ typed: String) -> LocalizedText {
        LocalizedText(
            nl: "Ik vind geen lopend duo bij „\(typed)”. Typ het nummer uit de lijst, of het id of de naam van een van beiden.",
            en: "I find no running pair for \u{201C}\(typed)\u{201D}. Type the number from the list, or the id or name of one of the two.")
    }

    static func nudged(_ a: String, _ b: String) -> LocalizedText {
        LocalizedText(nl: "Verstuurd. \(a) en \(b) zien je bericht bij hun volgende beurt; meldingskanalen krijgen het ook.",
                      en: "Sent. \(a) and \(b) will see your message at their next turn; notification channels get it too.")
    }

    /// A participant as the coordinator sees them after a lookup: name, id, side, organisation
    /// and phase.
    static func found(name: String?, id: ParticipantID, side: Side?, organization: String?, phase: Phase?) -> LocalizedText {
        LocalizedText { language in
            var text = language.text(nl: "Gevonden: ", en: "Found: ") + (name.map { "\($0) (\(id))" } ?? id.description)
            var details: [String] = []
            if let side { details.append(side == .teacher ? language.text(nl: "docent", en: "teacher") : "professional") }
            if let organization { details.append(organization) }
            if let phase { details.append(language.text(nl: "fase ", en: "phase ") + phase.rawValue) }
            if name == nil { details.append(language.text(nl: "nog geen profiel", en: "no profile yet")) }
            if !details.isEmpty { text += " — " + details.joined(separator: ", ") }
            return text
        }
    }

    /// The proposals of a round, numbered, each with its reasons and points.
    static func proposals(_ proposal: MatchingService.Proposal, explainer: MatchExplainer) -> LocalizedText {
        LocalizedText { language in
            func name(_ id: ParticipantID) -> String { proposal.names[id] ?? id.description }
            let method = proposal.method == .optimal ? language.text(nl: "optimale toewijzing", en: "optimal assignment")
                                                     : language.text(nl: "stabiele matching", en: "stable matching")
            var lines = [language.text(nl: "Matchvoorstellen (\(method)), totaalscore ", en: "Match proposals (\(method)), total score ")
                + Value.format(proposal.result.total, in: language) + ":"]
            for (index, score) in proposal.result.proposals.enumerated() {
                lines.append("")
                lines.append("\(index + 1). \(name(score.teacher)) ↔ \(name(score.professional)) (score \(Value.format(score.total, in: language)))")
                lines += explainer.lines(score, names: proposal.names, language: language).map { "   " + $0 }
            }
            if !proposal.existingPairs.isEmpty {
                lines.append("")
                lines.append(language.text(nl: "Bestaande duo's blijven zoals ze zijn: \(proposal.existingPairs.count).", en: "Existing pairs stay as they are: \(proposal.existingPairs.count)."))
            }
            let unmatched = proposal.result.unmatchedTeachers + proposal.result.unmatchedProfessionals
            if !unmatched.isEmpty {
                lines.append("")
                lines.append(language.text(nl: "Zonder partner in deze ronde: ", en: "Without a partner in this round: ")
                    + unmatched.map { "\(name($0)) (\($0))" }.joined(separator: ", "))
            }
            return lines.joined(separator: "\n")
        }
    }

    /// What applying the shown proposals did.
    static func applied(created: [String], skipped: [(pair: String, reason: LocalizedText)]) -> LocalizedText {
        LocalizedText { language in
            var lines: [String] = []
            if created.isEmpty {
                lines.append(nothingApplied.text(in: language))
            } else {
                lines.append(language.text(nl: "Bevestigd (\(created.count)); deze duo's gaan naar fase 2 (kennismaking) en krijgen bericht:", en: "Confirmed (\(created.count)); these pairs move to phase 2 (getting acquainted) and will be notified:"))
                lines += created.map { "• " + $0 }
            }
            if !skipped.isEmpty {
                lines.append(language.text(nl: "Niet meer mogelijk, overgeslagen:", en: "No longer possible, skipped:"))
                lines += skipped.map { "• \($0.pair): \($0.reason.text(in: language))" }
            }
            return lines.joined(separator: "\n")
        }
    }

    /// The running pairs, numbered, for choosing one.
    static func runningPairs(_ pairs: [(names: String, status: LocalizedText)]) -> LocalizedText {
        LocalizedText { language in
            var lines = [language.text(nl: "Lopende duo's:", en: "Running pairs:")]
            for (index, pair) in pairs.enumerated() {
                lines.append("\(index + 1). \(pair.names) — \(pair.status.text(in: language))")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Where a pair stands, for the list of running pairs.
    static func status(_ pair: Pair, phase: Phase?) -> LocalizedText {
        if pair.status == .proposed {
            return LocalizedText(nl: "voorgesteld, wacht op bevestiging", en: "proposed, awaiting confirmation")
        }
        let phase = phase ?? .kennismaking
        switch phase {
        case .matching, .kennismaking: return LocalizedText(nl: "fase 2, kennismaking", en: "phase 2, getting acquainted")
        case .activiteiten: return LocalizedText(nl: "fase 3, activiteiten", en: "phase 3, activities")
        case .afronding: return LocalizedText(nl: "fase 4, afronding", en: "phase 4, closing")
        case .afgerond: return LocalizedText(nl: "afgerond", en: "closed")
        }
    }
}
