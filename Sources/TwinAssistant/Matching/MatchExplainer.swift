public import DialogEngine
public import Twinning
public import TwinLanguage

/// Puts a pair's score into words, in Dutch or English, with the labels the dialogs use for
/// the profile's options — "verwante vakgebieden: Wiskunde en rekenen ↔ ICT (jullie allebei)".
///
/// It also holds the scorer, so that whoever explains a score scores with the same table of
/// related terms.
public struct MatchExplainer: Sendable {
    /// The dialogs, whose option labels the explanations use (and the pair report in the chat).
    let program: Program
    /// The scorer whose scores this explainer puts into words.
    public let scorer: MatchScorer

    /// Creates an explainer that takes option labels from `program` and scores with `terms`.
    public init(program: Program, terms: RelatedTerms = DialogLibrary.builtinTerms) {
        self.program = program
        self.scorer = MatchScorer(terms: terms)
    }

    /// One line per criterion that counted, with its points, largest first, and whose wish it
    /// met. `viewer` is the partner who reads it ("jouw wens"); `nil` for the coordinator.
    public func lines(_ score: PairScore, names: [ParticipantID: String], language: Language, viewer: ParticipantID? = nil) -> [String] {
        score.contributions.map { contribution in
            let points = Value.format(contribution.points, in: language)
            return "+\(points)  \(phrase(contribution, names: names, language: language, viewer: viewer))"
        }
    }

    /// The reasons in one sentence, without points (for a profile card), for `viewer`; only the
    /// criteria in `criteria` when given (a card shows no more than its owner agreed to show).
    /// `showWishers: false` leaves out whose wish each reason met (a card does not show its
    /// owner's criteria).
    public func sentence(_ score: PairScore, names: [ParticipantID: String], language: Language, viewer: ParticipantID? = nil,
                         criteria: Set<ScoreCriterion>? = nil, showWishers: Bool = true) -> String {
        let helpful = score.contributions.filter { $0.points > 0 && criteria?.contains($0.criterion) != false }
        guard !helpful.isEmpty else {
            return language.text(nl: "Weinig overeenkomsten op jullie criteria.", en: "Little in common on your criteria.")
        }
        return helpful.map { contribution in
            showWishers ? phrase(contribution, names: names, language: language, viewer: viewer) : reason(contribution.reason, language: language)
        }.joined(separator: "; ")
    }

    /// A contribution's reason with whose wish it met: "(jullie allebei)", "(Anna's wens)".
    private func phrase(_ contribution: ScoreContribution, names: [ParticipantID: String], language: Language, viewer: ParticipantID?) -> String {
        let text = reason(contribution.reason, language: language)
        switch contribution.wishedBy.count {
        case 0:
            return text
        case 1:
            let wisher = contribution.wishedBy[0]
            if wisher == viewer { return text + language.text(nl: " (jouw wens)", en: " (your wish)") }
            let name = Self.firstName(names[wisher] ?? wisher.description)
            return text + " (" + language.text(nl: "\(language.possessive(of: name)) wens", en: "\(language.possessive(of: name)) wish") + ")"
        default:
            return text + (viewer == nil
                ? language.text(nl: " (wens van allebei)", en: " (both wished it)")
                : language.text(nl: " (jullie allebei)", en: " (you both)"))
        }
    }

    /// The first name, for a possessive ("Anna de Vries" → "Anna").
    static func firstName(_ name: String) -> String {
        name.split(separator: " ").first.map(String.init) ?? name
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

    private func reason(_ reason: ScoreReason, language: Language) -> String {
        func field(_ value: String) -> String { label("profile.field", value, language) }
        func labels(_ slot: String, _ values: [String]) -> String {
            values.map { label(slot, $0, language) }.joined(separator: ", ")
        }
        func terms(_ matches: [TermMatch]) -> String {
            matches.map { match in
                let teacher = match.teacherWords.joined(separator: ", "), professional = match.professionalWords.joined(separator: ", ")
                let words = teacher == professional ? teacher : "\(teacher) ↔ \(professional)"
                return "\(words) (\(match.family.text(in: language)))"
            }.joined(separator: "; ")
        }
        switch reason {
        case .sameField(let f):
            return language.text(nl: "zelfde vakgebied: \(field(f))", en: "same field: \(field(f))")
        case .relatedFields(let a, let b):
            return language.text(nl: "verwante vakgebieden: \(field(a)) ↔ \(field(b))", en: "related fields: \(field(a)) ↔ \(field(b))")
        case .contrastWanted(let a, let b):
            return language.text(nl: "juist een ander vakgebied, en dat is het: \(field(a)) ↔ \(field(b)) — buiten de comfortzone", en: "a different field on purpose, and it is: \(field(a)) ↔ \(field(b)) — outside the comfort zone")
        case .contrastMissed(let f):
            return language.text(nl: "liever een ander vakgebied, maar dit lijkt erop: \(field(f))", en: "rather a different field, but this one is close: \(field(f))")
        case .differentFields(let a, let b):
            return language.text(nl: "verschillende vakgebieden: \(field(a)) ↔ \(field(b))", en: "different fields: \(field(a)) ↔ \(field(b))")
        case .relatedBackground(let matches):
            return language.text(nl: "vergelijkbare vooropleiding: \(terms(matches))", en: "similar prior education: \(terms(matches))")
        case .relatedTargetGroup(let matches):
            return language.text(nl: "vergelijkbare doelgroep: \(terms(matches))", en: "similar target group: \(terms(matches))")
        case .relatedPosition(let matches):
            return language.text(nl: "verwante functies: \(terms(matches))", en: "related positions: \(terms(matches))")
        case .sharedMotivation(let values):
            if values.isEmpty { return language.text(nl: "geen gedeelde motivatie", en: "no shared motivation") }
            return language.text(nl: "gedeelde motivatie: \(labels("profile.motivation", values))", en: "shared motivation: \(labels("profile.motivation", values))")
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
        case .openToAnyone:
            return language.text(nl: "open voor elke match", en: "open to any match")
        }
    }

    /// The label the dialogs give `value` of the question that sets `slot` ("Wiskunde en rekenen").
    public func optionLabel(_ slot: String, _ value: String, language: Language) -> String {
        label(slot, value, language)
    }

    private func label(_ slot: String, _ value: String, _ language: Language) -> String {
        program.question(for: slot)?.spec.options.first { $0.value == value }?.label.text(in: language) ?? value
    }
}
