public import Foundation

/// A pair's plan: duration, meetings, hours, period and working agreements.
///
/// The plan belongs to the pair. Either partner may propose or change it; every change is a new
/// `version`, and the plan is fixed only when both partners have confirmed the same version.
public struct Plan: Sendable, Hashable, Codable {
    /// The pair it belongs to.
    public var pairID: String
    /// Increases with every change.
    public var version: Int
    /// Planned duration in weeks.
    public var weeks: Int
    /// Planned number of meetings.
    public var meetings: Int
    /// Planned hours per participant.
    public var hours: Double
    /// When in the year, and what to avoid.
    public var period: String
    /// Working agreements.
    public var agreements: String
    /// Who proposed this version.
    public var proposedBy: ParticipantID
    /// When this version was proposed.
    public var proposedAt: Date
    /// The version each partner last confirmed.
    public var confirmedVersions: [ParticipantID: Int]
    /// When the plan became fixed (both confirmed the same version); it stays set through later
    /// re-confirmations.
    public var fixedAt: Date?
    /// Why the participants keep a choice the guideline advises against, by rule.
    public var deviationReasons: [GuidelineRule: String]
    /// The kinds of activity the partners intend to undertake, in the order they chose them.
    public var intendedKinds: [ActivityKind]

    /// Creates a first version proposed by `proposer`, who thereby confirms it.
    public init(pairID: String, weeks: Int, meetings: Int, hours: Double, period: String, agreements: String,
                proposedBy proposer: ParticipantID, at now: Date, deviationReasons: [GuidelineRule: String] = [:],
                intendedKinds: [ActivityKind] = []) {
        self.pairID = pairID
        self.version = 1
        self.weeks = weeks
        self.meetings = meetings
        self.hours = hours
        self.period = period
        self.agreements = agreements
        self.proposedBy = proposer
        self.proposedAt = now
        self.confirmedVersions = [proposer: 1]
        self.fixedAt = nil
        self.deviationReasons = deviationReasons
        self.intendedKinds = intendedKinds
    }

    /// Replaces the plan's content as a new version by `proposer`: the partner has to confirm
    /// again. The intended kinds of activity are part of the content, so a new version carries
    /// its own.
    public mutating func revise(weeks: Int, meetings: Int, hours: Double, period: String, agreements: String,
                                by proposer: ParticipantID, at now: Date, deviationReasons: [GuidelineRule: String],
                                intendedKinds: [ActivityKind] = []) {
        version += 1
        self.weeks = weeks
        self.meetings = meetings
        self.hours = hours
        self.period = period
        self.agreements = agreements
        self.proposedBy = proposer
        self.proposedAt = now
        self.deviationReasons = deviationReasons
        self.intendedKinds = intendedKinds
        confirmedVersions[proposer] = version
    }

    /// Records that `participant` agrees with the current version; returns whether the plan
    /// became fixed by it.
    @discardableResult
    public mutating func confirm(by participant: ParticipantID, partner: ParticipantID, at now: Date) -> Bool {
        confirmedVersions[participant] = version
        if fixedAt == nil, isConfirmed(by: partner), isConfirmed(by: participant) {
            fixedAt = now
            return true
        }
        return false
    }

    /// Whether `participant` confirmed the current version.
    public func isConfirmed(by participant: ParticipantID) -> Bool {
        confirmedVersions[participant] == version
    }

    /// Whether both partners confirmed the current version.
    public func isAgreed(teacher: ParticipantID, professional: ParticipantID) -> Bool {
        isConfirmed(by: teacher) && isConfirmed(by: professional)
    }
}
