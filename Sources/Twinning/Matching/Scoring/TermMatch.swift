public import TwinLanguage

/// One family of related terms both partners' texts mention: what makes a prior education, a
/// target group or a position similar ("natuurkunde ↔ werktuigbouwkunde").
public struct TermMatch: Sendable, Hashable {
    /// The family's name (`natuurkunde en techniek`).
    public var family: LocalizedText
    /// The teacher's words that belong to it.
    public var teacherWords: [String]
    /// The professional's words that belong to it.
    public var professionalWords: [String]

    /// Creates a match.
    public init(family: LocalizedText, teacherWords: [String], professionalWords: [String]) {
        self.family = family
        self.teacherWords = teacherWords
        self.professionalWords = professionalWords
    }
}
