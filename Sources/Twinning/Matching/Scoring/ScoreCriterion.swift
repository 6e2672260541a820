/// The parts a pair's score is made of — one per thing the programme guide says a match can rest on.
public enum ScoreCriterion: String, Sendable, Hashable, CaseIterable, Codable {
    /// Field of work or subject (vakinhoudelijk), or deliberately a different one.
    case field
    /// Similar prior education.
    case background
    /// A related position (functie): part of the subject match, as the programme says a subject
    /// match looks at each other's position and background.
    case position
    /// A similar target group (a vmbo teacher and someone who supervises (v)mbo interns).
    case targetGroup = "target_group"
    /// Shared learning motivation (persoonlijk).
    case motivation
    /// The professional's sector against the teacher's wish (soort bedrijf).
    case companyType = "company_type"
    /// The teacher's kind of education against the professional's wish (soort onderwijs).
    case educationType = "education_type"
    /// The place of work: they visit each other.
    case region
    /// Open to anyone: "er gebeurt altijd wel wat".
    case openness
}
