/// The kinds of Job Twinning activity — the programme guide's seven examples, and anything else.
public enum ActivityKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Visiting each other's workplace: attending lessons, shadowing at the office.
    case workplaceVisit = "workplace_visit"
    /// A guest lesson: theory in practice.
    case guestLesson = "guest_lesson"
    /// Working together on assignments for pupils (profielwerkstukken).
    case pupilAssignment = "pupil_assignment"
    /// Sparring about motivation and drives in work.
    case sparring
    /// A training by the teacher at the company, or vice versa.
    case training
    /// Reflection on one's own practice through "outside eyes".
    case outsideReflection = "outside_reflection"
    /// Working out plans for further collaboration between the organisations.
    case collaborationPlan = "collaboration_plan"
    /// Anything else.
    case other
}
