import Foundation
public import Twinning
public import TwinStore
import TwinLanguage

/// What the texts of an event need from the database, read in the fan-out's transaction: the
/// participants' profile names and sides, the pair, the phase they reached, the bottleneck.
public struct EventContext: Sendable, Hashable {
    /// Profile names by participant.
    public var names: [ParticipantID: String] = [:]
    /// Teacher or professional, by participant.
    public var sides: [ParticipantID: Side] = [:]
    /// The pair the event concerns.
    public var pair: Pair?
    /// The phase the participants are in now (for `phase.completed`).
    public var phase: Phase?
    /// The kind of bottleneck (for `bottleneck.flagged` and `bottleneck.reported`).
    public var bottleneck: Bottleneck.Kind?
    /// The knelpunt the participant raised, with their words (for `bottleneck.reported`);
    /// `nil` for a "no" to the click question, or once the participant was erased.
    public var report: ReportedBottleneck?
    /// The coordinator's message, as both partners got it (for `coordinator.nudge`); `nil`
    /// when it is no longer stored (the partners were erased).
    public var nudge: String?

    /// An empty context: participants are named by their ids.
    public init() {}

    /// What one fan-out already read: events of one pair come in runs, so the pair and the
    /// profiles are read once per batch instead of once per event.
    public struct Cache {
        var pairs: [String: Pair?] = [:]
        var profiles: [ParticipantID: Profile?] = [:]

        /// An empty cache.
        public init() {}
    }

    /// Reads the context of `event`.
    public static func load(for event: ProgrammeEvent, from reader: any TwinReader) throws -> EventContext {
        var cache = Cache()
        return try load(for: event, from: reader, cache: &cache)
    }

    /// Reads the context of `event`, reusing (and filling) `cache`.
    public static func load(for event: ProgrammeEvent, from reader: any TwinReader, cache: inout Cache) throws -> EventContext {
        var context = EventContext()
        if let pairID = event.pairID, let first = event.participants.first {
            if let known = cache.pairs[pairID] {
                context.pair = known
            } else {
                context.pair = try reader.pairs(of: first).first { $0.id == pairID }
                cache.pairs[pairID] = context.pair
            }
        }
        var people = event.participants
        if let pair = context.pair {
            for id in [pair.teacher, pair.professional] where !people.contains(id) { people.append(id) }
        }
        for id in people {
            let profile: Profile?
            if let known = cache.profiles[id] {
                profile = known
            } else {
                profile = try reader.profile(id)
                cache.profiles[id] = profile
            }
            if let profile {
                context.names[id] = profile.name
                context.sides[id] = profile.side
            }
        }
        if event.kind == .phaseCompleted, let first = event.participants.first {
            context.phase = try reader.participant(first)?.phase
        }
        if event.kind == .bottleneckFlagged, let pairID = event.pairID {
            let open = try reader.openBottlenecks(of: pairID)
            context.bottleneck = (open.first { $0.detectedAt == event.occurredAt && $0.participant == event.participants.first }
                ?? open.last)?.kind
        }
        if event.kind == .bottleneckReported, let pairID = event.pairID, let first = event.participants.first {
            context.report = try reader.reportedBottlenecks(of: pairID).last { $0.participant == first && $0.reportedAt == event.occurredAt }
            context.bottleneck = context.report != nil ? .reported
                : try reader.openBottlenecks(of: pairID).last { $0.participant == first && $0.kind.isForCoordinatorOnly }?.kind
        }
        if event.kind == .coordinatorNudge, let first = event.participants.first {
            context.nudge = try reader.notices(for: first, kind: NudgeNotice.kind)
                .last { $0.createdAt == event.occurredAt }.map(NudgeNotice.message(of:))
        }
        return context
    }

    /// The participant's profile name; for an erased person's stand-in the words for one in
    /// `language` (never its id); otherwise their id, when they have no profile yet.
    func name(_ id: ParticipantID, in language: Language) -> String { names[id] ?? StandInText.name(id, in: language) }
}
