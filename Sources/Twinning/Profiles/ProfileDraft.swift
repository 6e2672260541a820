public import Foundation

/// The raw answers of an intake, before they are checked into a `Profile`.
///
/// The dialog collects answers as loose values; turning them into a profile is the domain's
/// decision (which fields are required, which values are known), so that a changed dialog
/// cannot store an incomplete or inconsistent profile.
public struct ProfileDraft: Sendable, Hashable {
    public var name: String?
    public var side: String?
    public var organization: String?
    public var role: String?
    public var field: String?
    public var fieldOther: String?
    public var educationTypes: [String]
    public var companyTypes: [String]
    public var background: String?
    public var targetGroup: String?
    public var motivations: [String]
    public var criteria: [String]
    public var subjectPreference: String?
    public var region: String?
    public var openProfile: Bool

    /// Creates an empty draft.
    public init() {
        educationTypes = []
        companyTypes = []
        motivations = []
        criteria = []
        openProfile = false
    }

    /// The profile, or what is missing or unknown.
    ///
    /// - Parameters:
    ///   - consentVersion: the version of the open-matching text the participant saw.
    ///   - previousConsent: the consent already on record; kept when the participant keeps
    ///     their profile open, so that its date stays the date it was given.
    public func profile(at now: Date, consentVersion: String, previousConsent: Consent?) -> Result<Profile, ProfileProblem> {
        func required(_ value: String?, _ field: String) -> Result<String, ProfileProblem> {
            guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .failure(.missing(field)) }
            return .success(value)
        }
        do {
            let name = try required(name, "name").get()
            let sideText = try required(side, "side").get()
            guard let side = Side(rawValue: sideText) else { return .failure(.unknownValue(field: "side", value: sideText)) }
            let organization = try required(organization, "organization").get()
            let role = try required(role, "role").get()
            let field = try required(field, "field").get()
            let region = try required(region, "region").get()
            let preferenceText = try required(subjectPreference, "subject_preference").get()
            guard let preference = SubjectPreference(rawValue: preferenceText) else {
                return .failure(.unknownValue(field: "subject_preference", value: preferenceText))
            }
            var criteria: [MatchCriterion] = []
            for raw in self.criteria {
                guard let criterion = MatchCriterion(rawValue: raw) else { return .failure(.unknownValue(field: "criteria", value: raw)) }
                criteria.append(criterion)
            }
            if criteria.isEmpty { return .failure(.missing("criteria")) }
            let consent = openProfile ? (previousConsent ?? Consent(givenAt: now, textVersion: consentVersion)) : nil
            return .success(Profile(
                name: name, side: side, organization: organization, role: role, field: field,
                fieldOther: field == "other" ? fieldOther : nil,
                educationTypes: educationTypes, companyTypes: companyTypes,
                background: background, targetGroup: targetGroup, motivations: motivations,
                criteria: criteria, subjectPreference: preference, region: region,
                openMatchingConsent: consent, updatedAt: now))
        } catch {
            return .failure(error)
        }
    }
}

/// Why a draft is not yet a profile.
public enum ProfileProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// A required answer is missing.
    case missing(String)
    /// An answer is not one of the known values.
    case unknownValue(field: String, value: String)

    public var description: String {
        switch self {
        case .missing(let field): return "the profile has no \(field) yet"
        case .unknownValue(let field, let value): return "`\(value)` is not a known value for \(field)"
        }
    }
}
