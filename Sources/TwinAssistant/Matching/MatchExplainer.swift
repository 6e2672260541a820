public import DialogEngine
public import Twinning
public import TwinLanguage

/// Puts a pair's score into words, in Dutch or English, with the labels the dialogs use for
/// the profile's options — "zelfde vakgebied: Wiskunde en rekenen; allebei: Een andere wereld
/// leren kennen".
public struct MatchExplainer: Sendable {
    /// The dialogs, whose option labels the explanations use (and the pair report in the chat).
    let program: Program

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
            return language.text(nl: "Weinig overeenkomsten op jullie criteria.", en: "Little in common on your criteria.")
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
        func name(_ id: ParticipantID) -> String { names[id] ?? id.description }
        func field(_ value: String) -> String { label("profile.field", value, language) }
        func labels(_ slot: String, _ values: [String]) -> String {
            values.map { label(slot, $0, language) }.joined(separator: ", ")
        }
        switch reason {
        case .sameField(let f):
            return language.text(nl: "zelfde vakgebied: \(field(f))", en: "same field: \(field(f))")
        case .relatedFields(let a, let b):
            return language.text(nl: "verwante vakgebieden: \(field(a)) ↔ \(field(b))", en: "related fields: \(field(a)) ↔ \(field(b))")
        case .contrastWanted(let by, let a, let b):
            return language.text(nl: "\(name(by)) wil juist een ander vakgebied, en dat is het: \(field(a)) ↔ \(field(b)) — buiten de comfortzone", en: "\(name(by)) wants a different field, and it is: \(field(a)) ↔ \(field(b)) — outside the comfort zone")
        case .contrastMissed(let by, let f):
            return language.text(nl: "\(name(by)) wil een ander vakgebied, maar dit lijkt erop (\(field(f)))", en: "\(name(by)) wants a different field, but this one is close (\(field(f)))")
        case .differentFields(let a, let b):
            return language.text(nl: "verschillende vakgebieden: \(field(a)) ↔ \(field(b))", en: "different fields: \(field(a)) ↔ \(field(b))")
        case .sharedBackground(let words):
            return language.text(nl: "vergelijkbare vooropleiding (\(words.joined(separator: ", ")))", en: "similar prior education (\(words.joined(separator: ", ")))")
        case .sharedTargetGroup(let words):
            return language.text(nl: "vergelijkbare doelgroep (\(words.joined(separator: ", ")))", en: "similar target group (\(words.joined(separator: ", ")))")
        case .sharedMotivation(let values):
            if values.isEmpty { return language.text(nl: "geen gedeelde motivatie", en: "no shared motivation") }
            return language.text(nl: "allebei: \(labels("profile.motivation", values))", en: "both: \(labels("profile.motivation", values))")
        case .sectorWanted(let values):
            return language.text(nl: "de sector (\(labels("profile.company_type", values))) is wat de docent wil zien", en: "the sector (\(labels("profile.company_type", values))) is what the teacher wants to see")
        case .sectorNotWanted:
            return language.text(nl: "de sector is niet wat de docent wil zien", en: "the sector is not what the teacher wants to see")
        case .educationWanted(let values):
            return language.text(nl: "het onderwijs (\(labels("profile.education_type", values))) is wat de professional wil zien", en: "the education (\(labels("profile.education_type", values))) is what the professional wants to see")
        case .educationNotWanted:
            return language.text(nl: "het onderwijstype is niet wat de professional wil zien", en: "the kind of education is not what the professional wants to see")
        case .sameRegion(let region):
            return language.text(nl: "zelfde plaats of regio: \(region) — makkelijk bij elkaar op bezoek", en: "same town or region: \(region) — easy to visit each other")
        case .differentRegions(let a, let b):
            return language.text(nl: "verschillende plaatsen: \(a) en \(b) — houd rekening met reistijd", en: "different places: \(a) and \(b) — mind the travel time")
        case .openToAnyone(let id):
            return language.text(nl: "\(name(id)) staat open voor elke match", en: "\(name(id)) is open to any match")
        }
    }

    private func label(_ slot: String, _ value: String, _ language: Language) -> String {
        program.question(for: slot)?.spec.options.first { $0.value == value }?.label.text(in: language) ?? value
    }
}
