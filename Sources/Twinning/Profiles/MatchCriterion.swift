/// What a participant wants their match to be based on (the programme guide's matching criteria).
public enum MatchCriterion: String, Codable, Sendable, CaseIterable, Hashable {
    /// Field, prior education or target group (vakinhoudelijk).
    case subject
    /// Learning motivation (persoonlijk).
    case personal
    /// The kind of company (soort bedrijf).
    case companyType = "company_type"
    /// The kind of education (soort onderwijs).
    case educationType = "education_type"
    /// Open to anything: "between two enthusiastic professionals something always happens".
    case open
}
