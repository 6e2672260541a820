public import Foundation

/// A participant's intake profile: what matching works from (the reply contract, the `profile.*` slots).
public struct Profile: Sendable, Hashable, Codable {
    public var name: String
    public var side: Side
    public var organization: String
    public var role: String
    /// A value of the curated field list, or `other` with `fieldOther`.
    public var field: String
    public var fieldOther: String?
    /// Teachers: where they teach. Professionals: what they would like to see.
    public var educationTypes: [String]
    /// Professionals: their sector. Teachers: what they would like to see.
    public var companyTypes: [String]
    public var background: String?
    public var targetGroup: String?
    public var motivations: [String]
    public var criteria: [MatchCriterion]
    public var subjectPreference: SubjectPreference
    public var region: String
    /// Consent to be shown in open matching; `nil` when not given (or withdrawn).
    public var openMatchingConsent: Consent?
    /// When the profile was completed or last changed.
    public var updatedAt: Date

    /// Creates a profile.
    public init(name: String, side: Side, organization: String, role: String, field: String, fieldOther: String? = nil,
                educationTypes: [String], companyTypes: [String], background: String? = nil, targetGroup: String? = nil,
                motivations: [String], criteria: [MatchCriterion], subjectPreference: SubjectPreference, region: String,
                openMatchingConsent: Consent? = nil, updatedAt: Date) {
        self.name = name
        self.side = side
        self.organization = organization
        self.role = role
        self.field = field
        self.fieldOther = fieldOther
        self.educationTypes = educationTypes
        self.companyTypes = companyTypes
        self.background = background
        self.targetGroup = targetGroup
        self.motivations = motivations
        self.criteria = criteria
        self.subjectPreference = subjectPreference
        self.region = region
        self.openMatchingConsent = openMatchingConsent
        self.updatedAt = updatedAt
    }

    /// Whether the participant may be shown to others in open matching.
    public var isOpen: Bool { openMatchingConsent != nil }
}
