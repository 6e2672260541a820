/// The programme's guideline for a plan, rule by rule (the programme guide's phase 2: at least three
/// months, six to eight meetings, at least 20 hours; long-term goals need a longer trajectory).
public enum GuidelineRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Shorter than three months (13 weeks).
    case shortDuration = "short_duration"
    /// Fewer than six meetings.
    case fewMeetings = "few_meetings"
    /// More than eight meetings.
    case manyMeetings = "many_meetings"
    /// Fewer than 20 hours per participant.
    case fewHours = "few_hours"
    /// Long-term goals with a trajectory of three months or less.
    case longTermGoalsShortTrajectory = "long_term_goals_short_trajectory"
}
