import DialogEngine
import Twinning
import TwinLanguage

/// The texts of phases 2–4, in both languages.
enum TrajectoryText {
    static let noPair = LocalizedText(
        nl: "Dit kan pas als je een bevestigd Job Twinning-duo vormt.",
        en: "This is only possible once you are in a confirmed Job Twinning pair.")
    static let noPlanYet = LocalizedText(
        nl: "Er is nog geen planning. Kies 'Planning maken of aanpassen' in het menu.",
        en: "There is no plan yet. Choose 'Make or change the plan' in the menu.")
    static let planProposed = LocalizedText(
        nl: "De planning is opgeslagen en je partner krijgt bericht. Zodra jullie allebei deze versie hebben bevestigd, ligt de planning vast en begint fase 3: de activiteiten.",
        en: "The plan is saved and your partner will be told. As soon as you have both confirmed this version, the plan is fixed and phase 3 begins: the activities.")
    static let planFixed = LocalizedText(
        nl: "Jullie hebben allebei dezelfde planning bevestigd: die ligt nu vast. Fase 3 begint: de activiteiten. Leg in het menu elke activiteit vast.",
        en: "You have both confirmed the same plan: it is now fixed. Phase 3 begins: the activities. Log every activity from the menu.")
    /// What the partner who confirmed first hears at their next turn: the plan is fixed, and the
    /// context check is waiting for them too, since time and room are best agreed before the
    /// activities begin.
    static let planFixedForPartner = LocalizedText(
        nl: "Jullie hebben allebei dezelfde planning bevestigd: die ligt nu vast. Fase 3 begint: de activiteiten. Doe eerst de contextcheck in het menu: afspraken met je leidinggevende over tijd en ruimte, flexibele momenten en vertrouwelijkheid.",
        en: "You have both confirmed the same plan: it is now fixed. Phase 3 begins: the activities. First do the context check in the menu: agreements with your manager about time and room, flexible moments and confidentiality.")
    static let planChangeAgreed = LocalizedText(
        nl: "Jullie hebben allebei de nieuwe versie van de planning bevestigd: die geldt nu.",
        en: "You have both confirmed the new version of the plan: it applies now.")
    static let activityLogged = LocalizedText(
        nl: "De activiteit is vastgelegd; hij telt één keer voor jullie duo. Je partner wordt gevraagd hem te bevestigen.",
        en: "The activity is logged; it counts once for your pair. Your partner is asked to confirm it.")
    static let nothingToConfirm = LocalizedText(
        nl: "Er zijn geen activiteiten van je partner om te bevestigen.",
        en: "There are no activities of your partner to confirm.")
    static let activityConfirmed = LocalizedText(nl: "Bevestigd, dank je.", en: "Confirmed, thank you.")
    static let activityDisputeSent = LocalizedText(
        nl: "Je partner krijgt bericht dat deze activiteit volgens jou niet klopt; bespreek het samen.",
        en: "Your partner will hear that this activity is not right according to you; talk it over together.")
    static let behindNudge = LocalizedText(
        nl: "Jullie lopen wat achter op de planning. Kijk samen naar momenten waarop het gewone werk ruimte laat — studiedagen, toetsweken, projectweken — of pas de planning aan.",
        en: "You are a little behind the plan. Look together for moments when regular work leaves room — study days, test weeks, project weeks — or adjust the plan.")
    static let flexibilityTips = LocalizedText(
        nl: "Tips voor flexibiliteit: zoek momenten waarop het rooster minder telt (studiedagen, toetsweken, projectweken), wissel lessen met collega's of verzet lessen naar een ander moment.",
        en: "Tips for flexibility: look for moments when the timetable matters less (study days, test weeks, project weeks), swap lessons with colleagues or move lessons to another moment.")
    static let trajectoryClosed = LocalizedText(
        nl: "Jullie hebben allebei de evaluatie afgerond: het traject is afgesloten. Dank je wel voor het meedoen aan Job Twinning!",
        en: "You have both completed the evaluation: the trajectory is closed. Thank you for taking part in Job Twinning!")

    /// Why an action that needs the partner cannot run: the partner was erased.
    static let partnerLeft = LocalizedText(
        nl: "Dat kan nu niet: je partner doet niet meer mee. De coördinator beslist samen met je hoe je verdergaat. Tot die tijd kun je je doelen, de planning en je voortgang bekijken.",
        en: "That is not possible now: your partner no longer takes part. The coordinator will decide with you how you go on. Until then you can look at your goals, the plan and your progress.")
    /// The trajectory closed with the evaluation of the one partner who remained.
    static let trajectoryClosedAlone = LocalizedText(
        nl: "Je evaluatie is afgerond, en daarmee je Job Twinning-traject. Dank je wel voor je deelname!",
        en: "Your evaluation is complete, and with it your Job Twinning trajectory. Thank you for taking part!")

    static func planConfirmedWaiting(_ partner: String) -> LocalizedText {
        LocalizedText(nl: "Je hebt de planning bevestigd. Zodra \(partner) deze versie ook bevestigt, ligt de planning vast.",
                      en: "You confirmed the plan. As soon as \(partner) confirms this version too, the plan is settled.")
    }

    static func partnerProposedPlan(_ partner: String, version: Int) -> LocalizedText {
        LocalizedText(nl: "\(partner) heeft de planning \(version == 1 ? "voorgesteld" : "aangepast") (versie \(version)). Typ 'bevestig planning' om deze versie te bekijken en te bevestigen.",
                      en: "\(partner) has \(version == 1 ? "proposed" : "changed") the plan (version \(version)). Type 'confirm plan' to view and confirm this version.")
    }

    static func partnerAddedJointGoal(_ partner: String, _ goal: String) -> LocalizedText {
        LocalizedText(nl: "\(partner) heeft een gezamenlijk doel toegevoegd: \(goal)", en: "\(partner) added a joint goal: \(goal)")
    }

    static func partnerSharedExpectations(_ partner: String, _ text: String, changed: Bool) -> LocalizedText {
        changed
            ? LocalizedText(nl: "\(partner) heeft de verwachtingen over jullie traject aangepast: \(text)",
                            en: "\(partner) changed their expectations of your trajectory: \(text)")
            : LocalizedText(nl: "\(partner) heeft verwachtingen over jullie traject opgeschreven: \(text)",
                            en: "\(partner) wrote down their expectations of your trajectory: \(text)")
    }

    static func partnerLoggedActivity(_ partner: String) -> LocalizedText {
        LocalizedText(nl: "\(partner) heeft een activiteit vastgelegd. Typ 'bevestig activiteit' om die te bevestigen.",
                      en: "\(partner) logged an activity. Type 'confirm activity' to confirm it.")
    }

    static func activityDisputed(_ partner: String) -> LocalizedText {
        LocalizedText(nl: "\(partner) herkent een activiteit die jij vastlegde niet. Bespreek het samen.",
                      en: "\(partner) does not recognise an activity you logged. Talk it over together.")
    }

    static func partnerFinishedEvaluation(_ partner: String) -> LocalizedText {
        LocalizedText(nl: "\(partner) heeft de evaluatie afgerond. Het traject sluit zodra jij dat ook hebt gedaan.",
                      en: "\(partner) has completed the evaluation. The trajectory closes once you have too.")
    }

    static func evaluationWaiting(_ partner: String) -> LocalizedText {
        LocalizedText(nl: "Dank je voor je evaluatie! Het traject sluit zodra \(partner) de evaluatie ook heeft afgerond.",
                      en: "Thank you for your evaluation! The trajectory closes once \(partner) has completed it too.")
    }

    static func managerAdvice(_ agreement: ManagerAgreement) -> LocalizedText {
        switch agreement {
        case .yes:
            return LocalizedText(nl: "Mooi dat je tijd en ruimte hebt afgesproken. Bewaak die afspraken goed, zeker in drukke periodes.",
                                 en: "Good that you agreed time and room. Protect those agreements well, especially in busy periods.")
        case .partly, .no:
            return LocalizedText(
                nl: "Gebrek aan tijd en ruimte kan effectieve deelname blokkeren. Maak goede afspraken met je leidinggevende en geef een realistisch beeld van de tijd die je nodig hebt. Presenteer Job Twinning als professionalisering: dan is de kans groter dat je lessen mag laten uitvallen of vergaderingen mag missen. Bewaak daarna de afspraken.",
                en: "A lack of time and room can block effective participation. Make good agreements with your manager and give a realistic estimate of the time you need. Present Job Twinning as professional development: then you are more likely to be allowed to drop lessons or skip meetings. Then protect the agreements.")
        }
    }

    static func kind(_ kind: ActivityKind, _ language: Language) -> String {
        switch kind {
        case .workplaceVisit: return language.text(nl: "Werkplekbezoek", en: "Workplace visit")
        case .guestLesson: return language.text(nl: "Gastles", en: "Guest lesson")
        case .pupilAssignment: return language.text(nl: "Opdracht voor leerlingen", en: "Assignment for pupils")
        case .sparring: return language.text(nl: "Sparren over drijfveren", en: "Sparring about drives")
        case .training: return language.text(nl: "Training", en: "Training")
        case .outsideReflection: return language.text(nl: "Reflectie met 'vreemde ogen'", en: "Reflection through 'outside eyes'")
        case .collaborationPlan: return language.text(nl: "Plannen voor verdere samenwerking", en: "Plans for further collaboration")
        case .other: return language.text(nl: "Anders", en: "Other")
        }
    }

    static func activity(_ activity: Activity, by partner: String, language: Language) -> String {
        return [
            language.text(nl: "\(partner) legde vast: ", en: "\(partner) logged: ") + kind(activity.kind, language),
            language.text(nl: "Datum: ", en: "Date: ") + activity.day,
            language.text(nl: "Uren: ", en: "Hours: ") + Value.format(activity.hours, in: language),
            language.text(nl: "Wat er gebeurde: ", en: "What happened: ") + activity.notes,
        ].joined(separator: "\n")
    }

    /// Goals as an indented list, long-term ones marked.
    static func goalList(_ items: [Goal], language: Language) -> String {
        items.isEmpty ? language.text(nl: "  (nog geen)", en: "  (none yet)")
            : items.map { "  • \($0.text)\($0.isLongTerm ? language.text(nl: " (lange termijn)", en: " (long term)") : "")" }.joined(separator: "\n")
    }

    static func goals(_ goals: [Goal], expectations: [Expectation], me: ParticipantID, partnerName: String, language: Language) -> String {
        var lines = [
            language.text(nl: "Jouw doelen:", en: "Your goals:"), goalList(goals.filter { $0.owner == me }, language: language),
            language.text(nl: "Doelen van \(partnerName):", en: "\(partnerName)'s goals:"), goalList(goals.filter { $0.owner != nil && $0.owner != me }, language: language),
            language.text(nl: "Gezamenlijke doelen:", en: "Joint goals:"), goalList(goals.filter { $0.owner == nil }, language: language),
        ]
        if let mine = expectations.first(where: { $0.participant == me }) {
            lines.append(language.text(nl: "Jouw verwachtingen: ", en: "Your expectations: ") + mine.text)
        }
        if let theirs = expectations.first(where: { $0.participant != me }) {
            lines.append(language.text(nl: "Verwachtingen van \(partnerName): ", en: "\(partnerName)'s expectations: ") + theirs.text)
        }
        return lines.joined(separator: "\n")
    }

    /// What the partner already wrote, shown before one writes one's own goals.
    static func partnerGoals(_ goals: [Goal], expectation: Expectation?, partnerName: String, language: Language) -> String {
        var lines = [language.text(nl: "Dit heeft \(partnerName) al opgeschreven; houd er rekening mee bij je eigen doelen.",
                                   en: "This is what \(partnerName) has written so far; keep it in mind for your own goals.")]
        if !goals.isEmpty {
            lines += [language.text(nl: "Doelen van \(partnerName):", en: "\(partnerName)'s goals:"), goalList(goals, language: language)]
        }
        if let expectation {
            lines.append(language.text(nl: "Verwachtingen van \(partnerName): ", en: "\(partnerName)'s expectations: ") + expectation.text)
        }
        return lines.joined(separator: "\n")
    }

    /// The joint goals already there, shown before one adds one.
    static func jointGoals(_ goals: [Goal], language: Language) -> String {
        [language.text(nl: "Deze gezamenlijke doelen staan er al:", en: "These joint goals are already there:"), goalList(goals, language: language)]
            .joined(separator: "\n")
    }

    /// Kinds of activity in a line, by their short names.
    static func kinds(_ kinds: [ActivityKind], _ language: Language) -> String {
        kinds.map { kind($0, language) }.joined(separator: ", ")
    }

    /// The intended kinds against those done: one line per intended kind, then those done
    /// without being planned. Empty when the plan names no kinds and nothing was done.
    static func intendedActivities(_ comparison: IntendedActivities, language: Language) -> [String] {
        guard !comparison.isEmpty else { return [] }
        var lines = [language.text(nl: "Activiteiten uit de planning:", en: "Activities in the plan:")]
        if comparison.intended.isEmpty {
            lines.append(language.text(nl: "  (geen gekozen)", en: "  (none chosen)"))
        }
        for item in comparison.intended {
            let done = item.isDone
                ? language.text(nl: "gedaan (\(item.timesDone) keer)", en: item.timesDone == 1 ? "done (once)" : "done (\(item.timesDone) times)")
                : item.timesAwaitingConfirmation > 0
                    ? language.text(nl: "vastgelegd, wacht nog op bevestiging", en: "logged, not confirmed yet")
                    : language.text(nl: "nog niet gedaan", en: "not done yet")
            lines.append("  \(item.isDone ? "✓" : "•") \(kind(item.kind, language)): \(done)")
        }
        if !comparison.unplannedDone.isEmpty {
            lines.append(language.text(nl: "Ook gedaan, maar niet gepland: ", en: "Also done, but not planned: ") + kinds(comparison.unplannedDone, language))
        }
        return lines
    }

    static func plan(_ plan: Plan, me: ParticipantID, partner: ParticipantID, partnerName: String, language: Language) -> String {
        var lines = [
            language.text(nl: "Planning (versie \(plan.version)):", en: "Plan (version \(plan.version)):"),
            language.text(nl: "Duur: \(plan.weeks) weken", en: "Duration: \(plan.weeks) weeks"),
            language.text(nl: "Ontmoetingen: \(plan.meetings)", en: "Meetings: \(plan.meetings)"),
            language.text(nl: "Uren per deelnemer: ", en: "Hours per participant: ") + Value.format(plan.hours, in: language),
            language.text(nl: "Periode: ", en: "Period: ") + plan.period,
            language.text(nl: "Werkafspraken: ", en: "Working agreements: ") + plan.agreements,
        ]
        if !plan.intendedKinds.isEmpty {
            lines.append(language.text(nl: "Activiteiten die jullie willen doen: ", en: "Activities you intend: ") + kinds(plan.intendedKinds, language))
        }
        // One line per reason, naming the rules it was given for, in the guideline's order.
        var reasons: [(reason: String, rules: [GuidelineRule])] = []
        for rule in GuidelineRule.allCases {
            guard let reason = plan.deviationReasons[rule] else { continue }
            if let index = reasons.firstIndex(where: { $0.reason == reason }) {
                reasons[index].rules.append(rule)
            } else {
                reasons.append((reason, [rule]))
            }
        }
        for (reason, rules) in reasons {
            let names = rules.map { ruleName($0, language) }.joined(separator: "; ")
            lines.append(language.text(nl: "Afwijking van de richtlijn (\(names)), reden: ", en: "Deviation from the guideline (\(names)), reason: ") + reason)
        }
        let mine = plan.isConfirmed(by: me), theirs = plan.isConfirmed(by: partner)
        lines.append(language.text(nl: "Bevestigd door jou: \(mine ? "ja" : "nee"); door \(partnerName): \(theirs ? "ja" : "nee")", en: "Confirmed by you: \(mine ? "yes" : "no"); by \(partnerName): \(theirs ? "yes" : "no")"))
        return lines.joined(separator: "\n")
    }

    /// A guideline rule the plan does not meet, in a few words.
    static func ruleName(_ rule: GuidelineRule, _ language: Language) -> String {
        switch rule {
        case .shortDuration: return language.text(nl: "korter dan drie maanden", en: "shorter than three months")
        case .fewMeetings: return language.text(nl: "minder dan zes ontmoetingen", en: "fewer than six meetings")
        case .manyMeetings: return language.text(nl: "meer dan acht ontmoetingen", en: "more than eight meetings")
        case .fewHours: return language.text(nl: "minder dan 20 uur", en: "fewer than 20 hours")
        case .longTermGoalsShortTrajectory: return language.text(nl: "langetermijndoelen bij een kort traject", en: "long-term goals with a short trajectory")
        }
    }

    static func progress(_ progress: Progress, language: Language) -> String {
        return ([
            language.text(nl: "Voortgang tegen de planning:", en: "Progress against the plan:"),
            language.text(nl: "Ontmoetingen: ", en: "Meetings: ") + "\(progress.meetingsDone) / \(progress.meetingsPlanned)",
            language.text(nl: "Uren: ", en: "Hours: ") + "\(Value.format(progress.hoursDone, in: language)) / \(Value.format(progress.hoursPlanned, in: language))",
            language.text(nl: "Weken: ", en: "Weeks: ") + "\(progress.weeksElapsed) / \(progress.weeksPlanned)",
        ] + intendedActivities(progress.kinds, language: language)).joined(separator: "\n")
    }
}
