import DialogEngine
import Twinning
import TwinLanguage

/// Puts a pair's score into words, in Dutch or English, with the labels the dialogs use for
/// the profile's options — "zelfde vakgebied: Wiskunde en rekenen; allebei: Een andere wereld
/// leren kennen".
public struct MatchExplainer: Sendable {
    private let program: Program

    /// Creates an explainer that takes option labels from `program`.
    public init(program: Program) {
        self.program = program
    }

    /// One line per criterion that counted, with its points, largest first.
    public func lines(_ score: PairScore, names: [ParticipantID: String], language: Language) -> [String] {
        score.contributions.map { contribution in
            let points = Value.format(contribution.points, in: language)
            return "+\(points)  \(reason(contribution.reason, names: names, language: language))"
        }
    }

    /// The reasons in one sentence, without points (for a profile card).
    public func sentence(_ score: PairScore, names: [ParticipantID: String], language: Language) -> String {
        let helpful = score.contributions.filter { $0.points > 0 }
        guard !helpful.isEmpty else {
            return language == .nl ? "Weinig overeenkomsten op jullie criteria." : "Little in common on your criteria."
        }
        return helpful.map { reason($0.reason, names: names, language: language) }.joined(separator: "; ")
    }

    /// Why two participants cannot be paired, in words.
    public func ineligibility(_ reason: Ineligibility, language: Language) -> String {
        switch (reason, language) {
        case (.sameSide, .nl): return "ze komen uit dezelfde wereld (allebei docent of allebei professional)"
        case (.sameSide, .en): return "they come from the same world (both teachers or both professionals)"
        case (.sameOrganization(let name), .nl): return "ze werken bij dezelfde organisatie (\(name))"
        case (.sameOrganization(let name), .en): return "they work at the same organisation (\(name))"
        case (.excluded, .nl): return "de coördinator heeft dit duo uitgesloten"
        case (.excluded, .en): return "the coordinator excluded this pair"
        case (.matchedBefore, .nl): return "ze zijn in een eerdere ronde al aan elkaar gekoppeld"
        case (.matchedBefore, .en): return "they were paired in an earlier round"
        }
    }

    private func reason(_ reason: ScoreReason, names: [ParticipantID: String], language: Language) -> String {
        let nl = language == .nl
        func name(_ id: ParticipantID) -> String { names[id] ?? id.description }
        func field(_ value: String) -> String { label("profile.field", value, language) }
        func labels(_ slot: String, _ values: [String]) -> String {
            values.map { label(slot, $0, language) }.joined(separator: ", ")
        }
        switch reason {
        case .sameField(let f):
            return nl ? "zelfde vakgebied: \(field(f))" : "same field: \(field(f))"
        case .relatedFields(let a, let b):
            return nl ? "verwante vakgebieden: \(field(a)) ↔ \(field(b))" : "related fields: \(field(a)) ↔ \(field(b))"
        case .contrastWanted(let by, let a, let b):
            return nl ? "\(name(by)) wil juist een ander vakgebied, en dat is het: \(field(a)) ↔ \(field(b)) — buiten de comfortzone"
                      : "\(name(by)) wants a different field, and it is: \(field(a)) ↔ \(field(b)) — outside the comfort zone"
        case .contrastMissed(let by, let f):
            return nl ? "\(name(by)) wil een ander vakgebied, maar dit lijkt erop (\(field(f)))"
                      : "\(name(by)) wants a different field, but this one is close (\(field(f)))"
        case .differentFields(let a, let b):
            return nl ? "verschillende vakgebieden: \(field(a)) ↔ \(field(b))" : "different fields: \(field(a)) ↔ \(field(b))"
        case .sharedBackground(let words):
            return nl ? "vergelijkbare vooropleiding (\(words.joined(separator: ", ")))" : "similar prior education (\(words.joined(separator: ", ")))"
        case .sharedTargetGroup(let words):
            return nl ? "vergelijkbare doelgroep (\(words.joined(separator: ", ")))" : "similar target group (\(words.joined(separator: ", ")))"
        case .sharedMotivation(let values):
            if values.isEmpty { return nl ? "geen gedeelde motivatie" : "no shared motivation" }
            return nl ? "allebei: \(labels("profile.motivation", values))" : "both: \(labels("profile.motivation", values))"
        case .sectorWanted(let values):
            return nl ? "de sector (\(labels("profile.company_type", values))) is wat de docent wil zien"
                      : "the sector (\(labels("profile.company_type", values))) is what the teacher wants to see"
        case .sectorNotWanted:
            return nl ? "de sector is niet wat de docent wil zien" : "the sector is not what the teacher wants to see"
        case .educationWanted(let values):
            return nl ? "het onderwijs (\(labels("profile.education_type", values))) is wat de professional wil zien"
                      : "the education (\(labels("profile.education_type", values))) is what the professional wants to see"
        case .educationNotWanted:
            return nl ? "het onderwijstype is niet wat de professional wil zien" : "the kind of education is not what the professional wants to see"
        case .sameRegion(let region):
            return nl ? "zelfde plaats of regio: \(region) — makkelijk bij elkaar op bezoek" : "same town or region: \(region) — easy to visit each other"
        case .differentRegions(let a, let b):
            return nl ? "verschillende plaatsen: \(a) en \(b) — houd rekening met reistijd" : "different places: \(a) and \(b) — mind the travel time"
        case .openToAnyone(let id):
            return nl ? "\(name(id)) staat open voor elke match" : "\(name(id)) is open to any match"
        }
    }

    private func label(_ slot: String, _ value: String, _ language: Language) -> String {
        program.question(for: slot)?.spec.options.first { $0.value == value }?.label.text(in: language) ?? value
    }
}
