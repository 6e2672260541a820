public import DialogEngine
public import Foundation
public import Twinning
public import TwinStore
public import TwinLanguage

/// The starting point of a transcript with a `pair:` header: the transcript's participant (a
/// teacher, Anna de Vries) and a partner professional (`transcript:partner`, Bram Bakker), both
/// with consent for processing and a complete profile, in a pair the coordinator confirmed —
/// written straight into the store, without running their intakes. The participant's
/// conversation rests at the menu's question, so the transcript's first `>` line already
/// answers it.
///
/// - `kennismaking`: the pair was just confirmed (phase 2); the partner already wrote their own
///   goal, a joint goal and their expectations (what the participant is shown before writing
///   their own); no plan.
/// - `activiteiten`: confirmed five weeks ago; goals (one each, one joint); a plan of 13 weeks,
///   7 meetings and 20 hours, intending workplace visits and a guest lesson, that both confirmed
///   four weeks ago; both in phase 3; the partner
///   logged a workplace visit of 3 hours two weeks ago, which waits for the participant's
///   confirmation. With `planChanged`, the partner changed that plan a day ago (version 2: one
///   meeting more, 8, and an extra visit in the test week), which waits for the participant's
///   confirmation.
/// - `afronding`: confirmed eighteen weeks ago; the same goals and a plan fixed sixteen weeks ago;
///   both in phase 4, neither has started the evaluation.
public struct TranscriptPair: Sendable {
    /// Where the pair starts.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        case kennismaking
        case activiteiten
        case afronding
    }

    /// The partner's id.
    public static let partnerID = ParticipantID("transcript:partner")!
    /// The names of the two.
    public static let participantName = "Anna de Vries"
    public static let partnerName = "Bram Bakker"
    /// The goals of the `activiteiten` and `afronding` stages (the participant's own, the
    /// partner's own, the joint one), in the transcript's language.
    public static func goals(_ language: Language) -> (participant: String, partner: String, joint: String) {
        language == .nl
            ? ("Zien hoe wiskunde in het bedrijfsleven wordt gebruikt", "Ontdekken of lesgeven bij mij past",
               "Samen een lessenserie over statistiek in de praktijk maken")
            : ("See how mathematics is used in business", "Find out whether teaching suits me",
               "Make a lesson series together about statistics in practice")
    }

    /// The partner's expectations in the `kennismaking` stage, in the transcript's language.
    public static func partnerExpectations(_ language: Language) -> String {
        language.text(nl: "Dat we elkaar snel laten weten als een afspraak niet doorgaat.",
                      en: "That we tell each other quickly when an appointment cannot go ahead.")
    }

    public let stage: Stage
    public let participant: ParticipantID
    public let language: Language
    /// The transcript's time; the pair's history lies before it.
    public let now: Date
    /// Whether the partner changed the fixed plan a day ago (`activiteiten` only).
    public let planChanged: Bool

    /// Creates the setup.
    public init(stage: Stage, participant: ParticipantID, language: Language, now: Date, planChanged: Bool = false) {
        self.stage = stage
        self.participant = participant
        self.language = language
        self.now = now
        self.planChanged = planChanged
    }

    /// Writes the pair into `repository`. Returns `true` when the home dialog does not start
    /// with a question, so that the conversation has to be opened once to reach it.
    public func prepare(in repository: any TwinRepository, program: Program) async throws -> Bool {
        let week = 7 * 86_400.0
        // An hour more than whole weeks, so that the weeks elapsed never round down.
        let (confirmedAt, fixedAt): (Date, Date?) = switch stage {
        case .kennismaking: (now, nil)
        case .activiteiten: (now.addingTimeInterval(-5 * week - 3600), now.addingTimeInterval(-4 * week - 3600))
        case .afronding: (now.addingTimeInterval(-18 * week - 3600), now.addingTimeInterval(-16 * week - 3600))
        }
        let teacher = participant, professional = Self.partnerID
        let teacherProfile = Self.teacherProfile(at: confirmedAt), professionalProfile = Self.professionalProfile(at: confirmedAt)
        let (state, needsOpen) = Self.restingState(profile: teacherProfile, language: language, program: program)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encodedState = try encoder.encode(state)
        let stage = self.stage, language = self.language, now = self.now, planChanged = self.planChanged
        try await repository.transaction { tx in
            try tx.save(Participant(id: teacher, language: language, createdAt: confirmedAt))
            try tx.save(Participant(id: professional, language: language, createdAt: confirmedAt))
            for id in [teacher, professional] {
                try tx.record(ConsentDecision(purpose: .processing, textVersion: ProfileActions.processingConsentVersion,
                                              given: true, recordedAt: confirmedAt), for: id)
            }
            try tx.save(teacherProfile, for: teacher)
            try tx.save(professionalProfile, for: professional)
            let pair = Pair(id: "transcript-pair", teacher: teacher, professional: professional, origin: .coordinator,
                            status: .confirmed, score: 1, proposedAt: confirmedAt, teacherConfirmedAt: confirmedAt,
                            professionalConfirmedAt: confirmedAt, confirmedAt: confirmedAt)
            try tx.save(pair)
            try PairConfirmation.start(pair, at: confirmedAt, in: tx)
            if stage == .kennismaking {
                // The partner made a start: the participant sees it before writing their own.
                let goals = Self.goals(language)
                try tx.save(Goal(id: "transcript-goal-2", pairID: pair.id, owner: professional, text: goals.partner,
                                 isLongTerm: false, createdAt: confirmedAt))
                try tx.save(Goal(id: "transcript-goal-3", pairID: pair.id, owner: nil, text: goals.joint,
                                 isLongTerm: false, createdAt: confirmedAt))
                try tx.save(Expectation(pairID: pair.id, participant: professional, text: Self.partnerExpectations(language),
                                        updatedAt: confirmedAt))
            }
            if let fixedAt {
                let goals = Self.goals(language)
                try tx.save(Goal(id: "transcript-goal-1", pairID: pair.id, owner: teacher, text: goals.participant,
                                 isLongTerm: false, createdAt: confirmedAt))
                try tx.save(Goal(id: "transcript-goal-2", pairID: pair.id, owner: professional, text: goals.partner,
                                 isLongTerm: false, createdAt: confirmedAt))
                try tx.save(Goal(id: "transcript-goal-3", pairID: pair.id, owner: nil, text: goals.joint,
                                 isLongTerm: false, createdAt: confirmedAt))
                var plan = Plan(pairID: pair.id, weeks: 13, meetings: 7, hours: 20,
                                period: language.text(nl: "februari tot mei, niet in de toetsweken", en: "February to May, not in test weeks"),
                                agreements: language.text(nl: "elke twee weken bellen", en: "a call every two weeks"),
                                proposedBy: teacher, at: fixedAt, intendedKinds: [.workplaceVisit, .guestLesson])
                plan.confirm(by: professional, partner: teacher, at: fixedAt)
                if stage == .activiteiten, planChanged {
                    plan.revise(weeks: 13, meetings: 8, hours: 20, period: plan.period,
                                agreements: language.text(nl: "elke twee weken bellen; in de toetsweek een extra bezoek",
                                                          en: "a call every two weeks; an extra visit in the test week"),
                                by: professional, at: now.addingTimeInterval(-86_400), deviationReasons: [:],
                                intendedKinds: plan.intendedKinds)
                }
                try tx.save(plan)
                if stage == .activiteiten {
                    let visit = now.addingTimeInterval(-2 * week)
                    try tx.save(Activity(id: "transcript-activity-1", pairID: pair.id, loggedBy: professional, kind: .workplaceVisit,
                                         day: LocalDate(visit).iso, hours: 3,
                                         notes: language.text(nl: "Anna liep een dag mee op kantoor.", en: "Anna spent a day at the office."),
                                         isConfidential: false, loggedAt: visit))
                }
                let phase: Phase = stage == .afronding ? .afronding : .activiteiten
                for id in [teacher, professional] { try tx.setPhase(phase, for: id) }
            }
            try tx.saveSession(StoredSession(participant: teacher, state: encodedState, turns: 1, updatedAt: now))
        }
        return needsOpen
    }

    /// The participant's conversation after the intake: the profile's answers in their slots,
    /// waiting at the home dialog's first question (or at its start when it has none first).
    static func restingState(profile: Profile, language: Language, program: Program) -> (SessionState, needsOpen: Bool) {
        var state = SessionState(language: language)
        state.slots = [
            "consent.processing": .bool(true),
            "profile.name": .text(profile.name),
            "profile.side": .text(profile.side.rawValue),
            "profile.organization": .text(profile.organization),
            "profile.region": .text(profile.region),
            "profile.role": .text(profile.role),
            "profile.field": .text(profile.field),
            "profile.education_type": .list(profile.educationTypes),
            "profile.company_type": .list(profile.companyTypes),
            "profile.motivation": .list(profile.motivations),
            "profile.criteria": .list(profile.criteria.map(\.rawValue)),
            "profile.subject_preference": .text(profile.subjectPreference.rawValue),
            "profile.open_profile": .bool(profile.isOpen),
            "profile.review_ok": .bool(true),
            "profile.saved": .bool(true),
        ]
        if let background = profile.background { state.slots["profile.background"] = .text(background) }
        if let group = profile.targetGroup { state.slots["profile.target_group"] = .text(group) }
        state.awaiting = .answer
        let home = program.host.homeDialog
        if let first = program.dialog(home)?.steps.first, first.question != nil, first.condition == nil {
            state.stack = [Frame(dialog: home, step: first.id)]
            return (state, false)
        }
        state.stack = [Frame(dialog: home, step: "")]
        return (state, true)
    }

    static func teacherProfile(at time: Date) -> Profile {
        Profile(name: participantName, side: .teacher, organization: "Erasmus College", role: "docent wiskunde",
                field: "mathematics", educationTypes: ["vmbo", "havo"], companyTypes: ["ict"],
                background: "lerarenopleiding wiskunde", targetGroup: "vmbo-leerlingen in de bovenbouw",
                motivations: ["other_world"], criteria: [.subject], subjectPreference: .different, region: "Rotterdam",
                updatedAt: time)
    }

    static func professionalProfile(at time: Date) -> Profile {
        Profile(name: partnerName, side: .professional, organization: "IBM", role: "digital sales manager",
                field: "ict", educationTypes: ["vmbo"], companyTypes: ["ict"], background: "informatica",
                targetGroup: "stagiairs", motivations: ["other_world"], criteria: [.subject], subjectPreference: .different,
                region: "Rotterdam", updatedAt: time)
    }
}
