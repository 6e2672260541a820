package import Foundation
import GRDB
package import Twinning

/// A row of `profiles`. Lists are stored as JSON arrays.
package struct ProfileRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "profiles"

    package var participant_id: String
    package var name: String
    package var side: String
    package var organization: String
    package var role: String
    package var field: String
    package var field_other: String?
    package var education_types: [String]
    package var company_types: [String]
    package var background: String?
    package var target_group: String?
    package var motivations: [String]
    package var criteria: [String]
    package var subject_preference: String
    package var region: String
    package var consent_given_at: Date?
    package var consent_version: String?
    package var updated_at: Date

    package init(_ profile: Profile, for id: ParticipantID) {
        participant_id = id.description
        name = profile.name
        side = profile.side.rawValue
        organization = profile.organization
        role = profile.role
        field = profile.field
        field_other = profile.fieldOther
        education_types = profile.educationTypes
        company_types = profile.companyTypes
        background = profile.background
        target_group = profile.targetGroup
        motivations = profile.motivations
        criteria = profile.criteria.map(\.rawValue)
        subject_preference = profile.subjectPreference.rawValue
        region = profile.region
        consent_given_at = profile.openMatchingConsent?.givenAt
        consent_version = profile.openMatchingConsent?.textVersion
        updated_at = profile.updatedAt
    }

    package func profile() throws -> Profile {
        func corrupt(_ reason: String) -> StoreError {
            StoreError.corruptRow(table: "profiles", key: participant_id, reason: reason)
        }
        guard let side = Side(rawValue: side) else { throw corrupt("unknown side \(side)") }
        guard let preference = SubjectPreference(rawValue: subject_preference) else { throw corrupt("unknown subject preference") }
        let criteria = try criteria.map { raw in
            guard let criterion = MatchCriterion(rawValue: raw) else { throw corrupt("unknown criterion \(raw)") }
            return criterion
        }
        var consent: Consent?
        if let given = consent_given_at, let version = consent_version {
            consent = Consent(givenAt: given, textVersion: version)
        }
        return Profile(name: name, side: side, organization: organization, role: role, field: field,
                       fieldOther: field_other, educationTypes: education_types, companyTypes: company_types,
                       background: background, targetGroup: target_group, motivations: motivations,
                       criteria: criteria, subjectPreference: preference, region: region,
                       openMatchingConsent: consent, updatedAt: updated_at)
    }
}
