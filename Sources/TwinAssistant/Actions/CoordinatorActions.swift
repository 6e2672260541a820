import DialogEngine
import Foundation
import Twinning
import TwinStore
import TwinLanguage

/// The coordinator's actions in the chat: the overview of all pairs, the open bottlenecks,
/// match proposals and applying exactly the ones shown, why-not, exclusions and a nudge to a
/// pair.
///
/// Access is decided here, not in the dialogs, since an author can replace the dialogs
/// (`--dialogs DIR`): each action first checks that the caller is a coordinator; anyone else
/// gets a refusal with no data, and nothing is changed or logged. Every action a coordinator
/// takes — looking at personal data included — is written to the audit log in the turn's
/// transaction, together with what it changed. Audit details name people by id only (never
/// by name or in free text), so that erasing a person leaves no trace of them there.
enum CoordinatorActions {
    /// What every coordinator action works with.
    struct Context {
        /// Who called the action.
        let caller: ParticipantID
        /// Whether the caller has the coordinator role (`ParticipantFacts.isCoordinator`).
        let isCoordinator: Bool
        /// Every coordinator (they have a conversation but take no part in the programme).
        let coordinators: Set<ParticipantID>
        /// The turn's transaction.
        let tx: any TwinTransaction
        /// The time of the turn.
        let now: Date
        /// Matching, with the dialogs' option labels for the reasons.
        let matching: MatchingCore
        /// Bottleneck detection with the configured thresholds.
        let detector: BottleneckDetector
    }

    /// The separator of teacher and professional in the list `coordinator_propose` returns.
    static let pairSeparator: Character = "|"
    /// The longest nudge kept; longer ones are cut.
    static let maxNudgeLength = 1_000

    static let signatures: [ActionSignature] = [
        ActionSignature(
            name: "coordinator_overview",
            summary: "Coordinators only: shows every pair by phase with its progress against the plan and its open bottlenecks, and who is not yet paired; returns the number of pairs.",
            parameters: [], result: .integer),
        ActionSignature(
            name: "coordinator_bottlenecks",
            summary: "Coordinators only: detects bottlenecks now and shows the open ones with the programme guide's mitigations; returns how many are open.",
            parameters: [], result: .integer),
        ActionSignature(
            name: "coordinator_propose",
            summary: "Coordinators only: proposes pairs for the unmatched pool (method optimal or stable) and shows them with their reasons; returns them as \"teacher|professional\" ids, for coordinator_apply.",
            parameters: [.init("method", .text)], result: .list),
        ActionSignature(
            name: "coordinator_apply",
            summary: "Coordinators only: confirms exactly the given \"teacher|professional\" pairs as the coordinator's decision; skips and reports any no longer possible. Returns how many were made.",
            parameters: [.init("pairs", .list)], result: .integer),
        ActionSignature(
            name: "coordinator_find_participant",
            summary: "Coordinators only: finds a participant by id or full name and shows who it is; returns the id, or nothing.",
            parameters: [.init("who", .text)], result: .text),
        ActionSignature(
            name: "coordinator_why_not",
            summary: "Coordinators only: explains why two participants (ids or names) are or are not proposed as a pair; returns whether both were found.",
            parameters: [.init("first", .text), .init("second", .text)], result: .bool),
        ActionSignature(
            name: "coordinator_exclude",
            summary: "Coordinators only: excludes two participants (ids or names) from being paired in any later round; returns whether it was recorded.",
            parameters: [.init("first", .text), .init("second", .text)], result: .bool),
        ActionSignature(
            name: "coordinator_list_pairs",
            summary: "Coordinators only: shows the running pairs, numbered; returns their pair ids in that order.",
            parameters: [], result: .list),
        ActionSignature(
            name: "coordinator_pick_pair",
            summary: "Coordinators only: finds a running pair by its number in the list shown, or by the id or name of either partner; returns the pair id, or nothing.",
            parameters: [.init("choice", .text), .init("shown", .list)], result: .text),
        ActionSignature(
            name: "coordinator_partner_left_pairs",
            summary: "Coordinators only: shows the running pairs whose partner was erased and that wait for a decision, numbered; returns their pair ids in that order.",
            parameters: [], result: .list),
        ActionSignature(
            name: "coordinator_settle_pair",
            summary: "Coordinators only: records the decision for a running pair whose partner was erased — decision rematch (the remaining participant goes back to phase 1 with their profile) or close (the trajectory closes; they finish with their own evaluation); returns whether it was recorded.",
            parameters: [.init("pair", .text), .init("decision", .text)], result: .bool),
        ActionSignature(
            name: "coordinator_nudge",
            summary: "Coordinators only: sends a pair a short message — a notice for both partners at their next turn and a coordinator.nudge event; returns whether it was sent.",
            parameters: [.init("pair", .text), .init("message", .text)], result: .bool),
    ]

    /// Runs a coordinator action; `nil` when `call` is not one of them.
    static func perform(_ call: ActionCall, _ context: Context) throws -> ActionResult? {
        guard let signature = signatures.first(where: { $0.name == call.name }) else { return nil }
        guard context.isCoordinator else {
            return ActionResult(value: emptyValue(signature.result), messages: [OutputMessage(.warning, CoordinatorText.refused)])
        }
        switch call.name {
        case "coordinator_overview": return try overview(call, context)
        case "coordinator_bottlenecks": return try bottlenecks(call, context)
        case "coordinator_propose": return try propose(call, context)
        case "coordinator_apply": return try apply(call, context)
        case "coordinator_find_participant": return try findParticipant(call, context)
        case "coordinator_why_not": return try whyNot(call, context)
        case "coordinator_exclude": return try exclude(call, context)
        case "coordinator_list_pairs": return try listPairs(call, context)
        case "coordinator_pick_pair": return try pickPair(call, context)
        case "coordinator_nudge": return try nudge(call, context)
        case "coordinator_partner_left_pairs": return try partnerLeftPairs(call, context)
        case "coordinator_settle_pair": return try settle(call, context)
        default: return nil
        }
    }

    /// The value a refused action returns: empty of its type, so that a dialog's conditions
    /// see "nothing".
    private static func emptyValue(_ type: ValueType?) -> Value {
        switch type {
        case .list?: return .list([])
        case .integer?: return .integer(0)
        case .bool?: return .bool(false)
        default: return .null
        }
    }

    /// Writes one audit entry per subject (one without a subject when there is none), so that
    /// `jobtwin export` finds it for each person concerned.
    private static func audit(_ c: Context, _ action: String, subjects: [ParticipantID] = [], _ detail: String) throws {
        for subject in subjects.isEmpty ? [nil] : subjects.map(Optional.some) {
            try c.tx.audit(AuditEntry(at: c.now, actor: c.caller.description, action: action, subject: subject?.description, detail: detail))
        }
    }

    private static func names(_ tx: any TwinTransaction) throws -> [ParticipantID: String] {
        Dictionary(try tx.profiles().map { ($0.0, $0.1.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// How a participant is named in a message shown in `language`: their profile's name, the
    /// words for an erased person, or the id of someone without a profile.
    private static func display(_ id: ParticipantID, _ names: [ParticipantID: String], _ language: Language) -> String {
        names[id] ?? StandInText.name(id, in: language)
    }

    /// The phase a pair is in: that of a partner who takes part (an erased partner's stand-in
    /// has none).
    private static func phase(of pair: Pair, _ tx: any TwinTransaction) throws -> Phase? {
        try tx.participant(pair.memberTakingPart)?.phase
    }

    // MARK: - Overview and bottlenecks

    /// A text made once, in the language the message is shown in (`call.language`): for the
    /// outputs that cost a scan or a matching round to make.
    private static func shownIn(_ language: Language, _ text: String) -> LocalizedText {
        language == .nl ? LocalizedText(nl: text, en: "") : LocalizedText(nl: "", en: text)
    }

    private static func overview(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let document = try CoordinatorOverview.document(language: call.language, in: c.tx, now: c.now, detector: c.detector, hiding: c.coordinators)
        let pairs = try c.tx.allPairs().filter { $0.status != .declined }
        try audit(c, "coordinator.overview", "viewed the overview of \(pairs.count) pairs")
        return ActionResult(value: .integer(pairs.count), messages: [OutputMessage(.summary, shownIn(call.language, document.chatText))])
    }

    private static func bottlenecks(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let open = try BottleneckScan.scan(in: c.tx, detector: c.detector, now: c.now)
        try audit(c, "coordinator.bottlenecks", "viewed \(open.count) open bottlenecks")
        guard !open.isEmpty else { return ActionResult(value: .integer(0), messages: [OutputMessage(.info, CoordinatorText.noBottlenecks)]) }
        let names = try names(c.tx)
        let pairs = Dictionary(try c.tx.allPairs().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: ParticipantID) -> String { display(id, names, call.language) }
        var messages = [OutputMessage(.info, CoordinatorText.bottlenecksHeader(open.count))]
        for bottleneck in open {
            let pair = pairs[bottleneck.pairID].map { "\(name($0.teacher)) & \(name($0.professional))" } ?? bottleneck.pairID
            let who = bottleneck.participant.map { " (\(name($0)))" } ?? ""
            let mitigation = Bottleneck.description(bottleneck.kind)
            // A knelpunt a participant raised: what they said, in their words, newest last.
            var said = LocalizedText(nl: "", en: "")
            if bottleneck.kind == .reported, let participant = bottleneck.participant {
                for report in try c.tx.reportedBottlenecks(of: bottleneck.pairID) where report.participant == participant {
                    let topic = ReportedBottleneck.name(report.topic)
                    let words = report.words.map { " \u{201C}\($0)\u{201D}" } ?? ""
                    said = LocalizedText(nl: said.nl + "\n• " + topic.nl + words, en: said.en + "\n• " + topic.en + words)
                }
            }
            messages.append(OutputMessage(.advice, LocalizedText(
                nl: "\(pair)\(who): \(bottleneck.kind.rawValue)\(said.nl)\n\(mitigation.nl)",
                en: "\(pair)\(who): \(bottleneck.kind.rawValue)\(said.en)\n\(mitigation.en)")))
        }
        return ActionResult(value: .integer(open.count), messages: messages)
    }

    // MARK: - Matching

    private static func propose(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let method = call["method"].textValue.flatMap(MatchingMethod.init(rawValue:)) ?? .optimal
        let proposal = try c.matching.propose(method: method, in: c.tx)
        let shown = proposal.result.proposals.map { "\($0.teacher)\(pairSeparator)\($0.professional)" }
        try audit(c, "coordinator.propose", "viewed \(shown.count) \(method.rawValue) proposals: "
            + (shown.isEmpty ? "none" : shown.map { $0.replacingOccurrences(of: String(pairSeparator), with: " & ") }.joined(separator: ", ")))
        guard !shown.isEmpty else { return ActionResult(value: .list([]), messages: [OutputMessage(.info, CoordinatorText.noProposals)]) }
        return ActionResult(value: .list(shown), messages: [OutputMessage(.summary, CoordinatorText.proposals(proposal, explainer: c.matching.explainer))])
    }

    /// Reads `teacher|professional`; `nil` when it is not two participant ids.
    private static func pair(_ entry: String) -> (ParticipantID, ParticipantID)? {
        let parts = entry.split(separator: pairSeparator, omittingEmptySubsequences: false)
        guard parts.count == 2, let a = ParticipantID(String(parts[0])), let b = ParticipantID(String(parts[1])) else { return nil }
        return (a, b)
    }

    private static func apply(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let entries = call["pairs"].listValue ?? []
        var requested: [(ParticipantID, ParticipantID)] = []
        var unreadable: [String] = []
        for entry in entries {
            if let pair = pair(entry) { requested.append(pair) } else { unreadable.append(entry) }
        }
        let applied = try c.matching.apply(requested, in: c.tx, now: c.now,
                                           audit: (c.caller.description, "from the proposals shown in the chat"))
        let names = try names(c.tx)
        func name(_ id: ParticipantID) -> String { display(id, names, call.language) }
        var skipped: [(pair: String, reason: LocalizedText)] = applied.skipped.map { skip in
            ("\(name(skip.first)) & \(name(skip.second))", LocalizedText { c.matching.describe(skip.reason, language: $0) })
        }
        if !unreadable.isEmpty {
            try audit(c, "match.apply.skipped", "\(unreadable.count) entries were not two participant ids")
            skipped += unreadable.map { ($0, LocalizedText(nl: "geen twee deelnemer-id's", en: "not two participant ids")) }
        }
        let created = applied.created.map { "\(name($0.teacher)) & \(name($0.professional))" }
        return ActionResult(value: .integer(applied.created.count),
                            messages: [OutputMessage(.info, CoordinatorText.applied(created: created, skipped: skipped))])
    }

    /// Looks a participant up and says who it is; audited as a look at personal data.
    private static func lookUp(_ typed: String, _ c: Context, show: Bool) throws -> (ParticipantID?, [OutputMessage]) {
        switch try ParticipantLookup.find(typed, in: c.tx) {
        case .found(let id):
            guard show else { return (id, []) }
            let profile = try c.tx.profile(id)
            let text = CoordinatorText.found(name: profile?.name, id: id, side: profile?.side, organization: profile?.organization,
                                             phase: try c.tx.participant(id)?.phase)
            return (id, [OutputMessage(.info, text)])
        case .unknown:
            return (nil, [OutputMessage(.warning, CoordinatorText.unknownParticipant(typed))])
        case .ambiguous(let ids):
            let names = try names(c.tx)
            let people = ids.map { "\(names[$0] ?? $0.description) (\($0))" }
            return (nil, [OutputMessage(.warning, CoordinatorText.ambiguous(people))])
        }
    }

    private static func findParticipant(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let (id, messages) = try lookUp(call["who"].textValue ?? "", c, show: true)
        try audit(c, "coordinator.lookup", subjects: id.map { [$0] } ?? [], id == nil ? "looked up a participant; none found" : "looked up this participant")
        return ActionResult(value: id.map { .text($0.description) } ?? .null, messages: messages)
    }

    /// Both participants named by `first` and `second`, or the messages saying why not.
    private static func two(_ call: ActionCall, _ c: Context) throws -> (ParticipantID, ParticipantID) {
        let (a, aMessages) = try lookUp(call["first"].textValue ?? "", c, show: false)
        let (b, bMessages) = try lookUp(call["second"].textValue ?? "", c, show: false)
        guard let a, let b else { throw Refusal(messages: aMessages + bMessages) }
        guard a != b else { throw Refusal(messages: [OutputMessage(.warning, CoordinatorText.samePerson)]) }
        return (a, b)
    }

    /// Ends an action early with messages for the coordinator.
    private struct Refusal: Error {
        var messages: [OutputMessage]
    }

    private static func whyNot(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let (a, b): (ParticipantID, ParticipantID)
        do {
            (a, b) = try two(call, c)
        } catch let refusal as Refusal {
            try audit(c, "coordinator.why_not", "asked why two participants are or are not paired; not both found")
            return ActionResult(value: .bool(false), messages: refusal.messages)
        }
        let explanation = try c.matching.whyNot(a, b, method: .optimal, language: call.language, in: c.tx)
        try audit(c, "coordinator.why_not", subjects: [a], "asked why this participant and \(b) are or are not paired")
        try audit(c, "coordinator.why_not", subjects: [b], "asked why this participant and \(a) are or are not paired")
        return ActionResult(value: .bool(true), messages: [OutputMessage(.summary, shownIn(call.language, explanation))])
    }

    private static func exclude(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let (a, b): (ParticipantID, ParticipantID)
        do {
            (a, b) = try two(call, c)
        } catch let refusal as Refusal {
            try audit(c, "match.exclude.refused", "tried to exclude a pair; not two different participants found")
            return ActionResult(value: .bool(false), messages: refusal.messages)
        }
        try c.matching.exclude(a, b, in: c.tx, now: c.now)
        try audit(c, "match.exclude", subjects: [a], "excluded from pairing with \(b)")
        try audit(c, "match.exclude", subjects: [b], "excluded from pairing with \(a)")
        let names = try names(c.tx)
        return ActionResult(value: .bool(true), messages: [OutputMessage(.info, CoordinatorText.excluded(names[a] ?? a.description, names[b] ?? b.description))])
    }

    // MARK: - A nudge to a pair

    /// The pairs a coordinator may nudge: proposed or confirmed, oldest first.
    private static func runningPairs(_ tx: any TwinTransaction) throws -> [Pair] {
        try tx.allPairs().filter(\.isActive)
    }

    private static func listPairs(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let pairs = try runningPairs(c.tx)
        try audit(c, "coordinator.pairs", "viewed the list of \(pairs.count) running pairs")
        guard !pairs.isEmpty else { return ActionResult(value: .list([]), messages: [OutputMessage(.info, CoordinatorText.noRunningPairs)]) }
        let names = try names(c.tx)
        func name(_ id: ParticipantID) -> String { display(id, names, call.language) }
        let rows = try pairs.map { pair in
            ("\(name(pair.teacher)) & \(name(pair.professional))", CoordinatorText.status(pair, phase: try phase(of: pair, c.tx)))
        }
        return ActionResult(value: .list(pairs.map(\.id)), messages: [OutputMessage(.info, CoordinatorText.runningPairs(rows))])
    }

    private static func pickPair(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let typed = (call["choice"].textValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = call["shown"].listValue ?? []
        let pairs = try runningPairs(c.tx)
        var picked: Pair?
        if let number = Int(typed), number >= 1, number <= shown.count {
            picked = pairs.first { $0.id == shown[number - 1] }
        } else if case .found(let id) = try ParticipantLookup.find(typed, in: c.tx) {
            picked = pairs.first { $0.teacher == id || $0.professional == id }
        }
        guard let pair = picked else {
            try audit(c, "coordinator.pick_pair", "chose a pair; none found")
            return ActionResult(value: .null, messages: [OutputMessage(.warning, CoordinatorText.unknownPair(typed))])
        }
        try audit(c, "coordinator.pick_pair", subjects: people(of: pair), "chose the pair \(pair.id)")
        let names = try names(c.tx)
        let text = "\(display(pair.teacher, names, call.language)) & \(display(pair.professional, names, call.language))"
        return ActionResult(value: .text(pair.id), messages: [OutputMessage(.info, CoordinatorText.pairPicked(text))])
    }

    private static func nudge(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let message = String((call["message"].textValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(maxNudgeLength))
        guard !message.isEmpty else {
            try audit(c, "coordinator.nudge", "sent nothing: the message was empty")
            return ActionResult(value: .bool(false), messages: [OutputMessage(.warning, CoordinatorText.emptyMessage)])
        }
        let id = call["pair"].textValue ?? ""
        guard let pair = try runningPairs(c.tx).first(where: { $0.id == id }) else {
            try audit(c, "coordinator.nudge", "sent nothing: no running pair with that id")
            return ActionResult(value: .bool(false), messages: [OutputMessage(.warning, CoordinatorText.unknownPair(id))])
        }
        // An erased partner's stand-in gets nothing: nobody reads it.
        let partners = people(of: pair)
        for partner in partners {
            try c.tx.add(NudgeNotice.notice(for: partner, message: message, at: c.now))
        }
        try c.tx.record(ProgrammeEvent(kind: .coordinatorNudge, participants: partners, pairID: pair.id, occurredAt: c.now))
        // The words themselves are in the notices (erased with the people); the log keeps that it happened.
        for partner in partners {
            let other = pair.partner(of: partner).map { $0.isErasedStandIn ? "an erased participant" : $0.description } ?? "?"
            try audit(c, "coordinator.nudge", subjects: [partner], "sent a message of \(message.count) characters to the pair with \(other)")
        }
        let names = try names(c.tx)
        return ActionResult(value: .bool(true), messages: [OutputMessage(.info, CoordinatorText.nudged(
            display(pair.teacher, names, call.language), display(pair.professional, names, call.language)))])
    }

    /// The partners of a pair who take part (not an erased partner's stand-in).
    private static func people(of pair: Pair) -> [ParticipantID] {
        [pair.teacher, pair.professional].filter { !$0.isErasedStandIn }
    }

    // MARK: - A pair whose partner left

    /// The running pairs with an erased partner: they wait for the coordinator's decision.
    private static func pairsWithoutPartner(_ tx: any TwinTransaction) throws -> [Pair] {
        try tx.allPairs().filter { $0.status == .confirmed && ($0.teacher.isErasedStandIn || $0.professional.isErasedStandIn) }
    }

    private static func partnerLeftPairs(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let pairs = try pairsWithoutPartner(c.tx)
        try audit(c, "coordinator.pairs", "viewed the list of \(pairs.count) running pairs whose partner left")
        guard !pairs.isEmpty else { return ActionResult(value: .list([]), messages: [OutputMessage(.info, CoordinatorText.noPairsWithoutPartner)]) }
        let names = try names(c.tx)
        let rows = try pairs.map { pair -> (names: String, status: LocalizedText) in
            let remaining = people(of: pair).first.map { "\(display($0, names, call.language)) (\($0))" } ?? "?"
            return (remaining, CoordinatorText.status(pair, phase: try phase(of: pair, c.tx)))
        }
        return ActionResult(value: .list(pairs.map(\.id)), messages: [OutputMessage(.info, CoordinatorText.pairsWithoutPartner(rows))])
    }

    private static func settle(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let id = call["pair"].textValue ?? ""
        guard var pair = try pairsWithoutPartner(c.tx).first(where: { $0.id == id }), let remaining = people(of: pair).first else {
            try audit(c, "coordinator.settle", "decided nothing: no running pair whose partner left with that id")
            return ActionResult(value: .bool(false), messages: [OutputMessage(.warning, CoordinatorText.notWithoutPartner)])
        }
        let decision = call["decision"].textValue ?? ""
        let notice: LocalizedText, detail: String
        switch decision {
        case "rematch":
            // The pair ends as a proposal declined does: out of every list of running pairs, and
            // the remaining participant is back in the pool with their profile.
            pair.status = .declined
            try c.tx.save(pair)
            try c.tx.setPhase(.matching, for: remaining)
            notice = CoordinatorText.settledRematchNotice
            detail = "ended the pair \(pair.id), whose partner left: back to phase 1 to be matched again"
        case "close":
            // Closed now, so that it counts as a trajectory that ended; the remaining participant
            // finishes their own evaluation (or is done when they already did).
            pair.status = .closed
            try c.tx.save(pair)
            let evaluation = try c.tx.evaluation(of: remaining, pairID: pair.id)
            if evaluation == nil { try c.tx.save(Evaluation(participant: remaining, pairID: pair.id, startedAt: c.now)) }
            try c.tx.setPhase(evaluation?.finishedAt == nil ? .afronding : .afgerond, for: remaining)
            notice = evaluation?.finishedAt == nil ? CoordinatorText.settledCloseNotice : CoordinatorText.settledClosedNotice
            detail = "closed the pair \(pair.id), whose partner left: the participant finishes with their own evaluation"
        default:
            try audit(c, "coordinator.settle", subjects: [remaining], "decided nothing: unknown decision")
            return ActionResult(value: .bool(false), messages: [OutputMessage(.warning, CoordinatorText.unknownDecision)])
        }
        try c.tx.resolveBottlenecks(of: pair.id, except: [], at: c.now)
        try c.tx.add(Notice(participant: remaining, kind: "coordinator.settle", nl: notice.nl, en: notice.en, createdAt: c.now))
        try audit(c, "coordinator.settle", subjects: [remaining], detail)
        let name = display(remaining, try names(c.tx), call.language)
        return ActionResult(value: .bool(true), messages: [OutputMessage(.info, decision == "rematch"
            ? CoordinatorText.settledRematch(name) : CoordinatorText.settledClose(name))])
    }
}
