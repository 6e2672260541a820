import Foundation
import Testing
import Twinning
import TwinLanguage

/// Scores, explanations and hard constraints of matching (the programme guide's phase 1, docs/programme.md).
@Suite("Match scoring")
struct MatchScoringTests {
    static func candidate(_ id: String, _ side: Side, field: String = "mathematics", organization: String? = nil,
                          criteria: [MatchCriterion] = [.subject], preference: SubjectPreference = .noPreference,
                          motivations: [String] = ["other_world"], companyTypes: [String] = [], educationTypes: [String] = [],
                          background: String? = nil, targetGroup: String? = nil, region: String = "Rotterdam",
                          open: Bool = false) -> MatchCandidate {
        let profile = Profile(name: id.capitalized, side: side, organization: organization ?? "\(id) BV", role: "role", field: field,
                              educationTypes: educationTypes, companyTypes: companyTypes, background: background,
                              targetGroup: targetGroup, motivations: motivations, criteria: criteria,
                              subjectPreference: preference, region: region,
                              openMatchingConsent: open ? Consent(givenAt: Date(timeIntervalSince1970: 0), textVersion: "v") : nil,
                              updatedAt: Date(timeIntervalSince1970: 0))
        return MatchCandidate(id: ParticipantID("t:\(id)")!, profile: profile)
    }

    /// A small table of related terms, as a coordinator could write it.
    static let terms = RelatedTerms(
        studies: [TermFamily(id: "natuurkunde_techniek", label: LocalizedText(nl: "natuurkunde en techniek", en: "physics and engineering"),
                             terms: ["natuurkunde", "werktuigbouw", "ingenieur", "=nederlands"])],
        targetGroups: [TermFamily(id: "vmbo_mbo", label: LocalizedText(nl: "vmbo en mbo", en: "vocational education"),
                                  terms: ["vmbo", "mbo"])])

    let scorer = MatchScorer(terms: Self.terms)

    @Test("the same field chosen by both is one reason, with both as its wishers and the points of both")
    func sameField() {
        let anna = Self.candidate("anna", .teacher, field: "mathematics")
        let bram = Self.candidate("bram", .professional, field: "mathematics")
        let score = scorer.score(teacher: anna, professional: bram)
        let field = score.contributions.filter { $0.reason == .sameField("mathematics") }
        #expect(field.count == 1)
        #expect(field.first?.points == 20)
        #expect(field.first?.wishedBy == [anna.id, bram.id])
        #expect(score.contributions.first { $0.criterion == .region }?.wishedBy == [])
        #expect(score.total == 10 + 10 + 4)
    }

    @Test("a criterion one side chose names that side alone")
    func oneWisher() {
        let anna = Self.candidate("anna", .teacher, field: "mathematics")
        let bram = Self.candidate("bram", .professional, field: "ict", criteria: [.personal])
        let score = scorer.score(teacher: anna, professional: bram)
        #expect(score.contributions.first { $0.reason == .relatedFields("mathematics", "ict") }?.wishedBy == [anna.id])
        #expect(score.contributions.first { $0.criterion == .motivation }?.wishedBy == [bram.id])
    }

    @Test("related terms: compounds, short words whole, `=` for the whole word only, several words in a row")
    func termMatching() {
        let matcher = TermMatcher([TermFamily(id: "f", label: LocalizedText(nl: "f", en: "f"),
                                              terms: ["natuurkunde", "techniek", "mbo", "=nederlands", "social work"])])
        #expect(matcher.hits(in: "natuurkundedocent").map(\.words) == [["natuurkundedocent"]])
        #expect(matcher.hits(in: "installatietechniek").map(\.words) == [["installatietechniek"]])
        #expect(matcher.hits(in: "(v)mbo-stagiairs").map(\.words) == [["mbo"]])
        #expect(matcher.hits(in: "mbo-4 studenten").map(\.words) == [["mbo"]])
        #expect(matcher.hits(in: "gymnasium").isEmpty)
        #expect(matcher.hits(in: "Nederlandse Spoorwegen").isEmpty)
        #expect(matcher.hits(in: "docent Nederlands").map(\.words) == [["nederlands"]])
        #expect(matcher.hits(in: "Social Work (hbo)").map(\.words) == [["social work"]])
        #expect(matcher.hits(in: "Natuurkunde, Écologie").map(\.words) == [["natuurkunde"]])
        #expect(matcher.hits(in: nil).isEmpty)
    }

    @Test("a coordinator's families add to the built-in ones by id")
    func mergedTables() {
        let extra = RelatedTerms(studies: [TermFamily(id: "natuurkunde_techniek", label: LocalizedText(nl: "", en: ""), terms: ["mechatronica", "natuurkunde"]),
                                           TermFamily(id: "nieuw", label: LocalizedText(nl: "nieuw", en: "new"), terms: ["bouwkunde"])])
        let merged = Self.terms.merged(with: extra)
        #expect(merged.studies.count == 2)
        #expect(merged.studies[0].terms == ["natuurkunde", "werktuigbouw", "ingenieur", "=nederlands", "mechatronica"])
        #expect(merged.studies[0].label.nl == "natuurkunde en techniek")
        #expect(merged.targetGroups == Self.terms.targetGroups)
    }

    @Test("related fields count half: the programme guide's mathematics teacher and IT professional")
    func relatedFields() {
        let score = scorer.score(teacher: Self.candidate("anna", .teacher, field: "mathematics"),
                                 professional: Self.candidate("bram", .professional, field: "ict", criteria: []))
        #expect(score.contributions.contains { $0.reason == .relatedFields("mathematics", "ict") && $0.points == 5 })
    }

    @Test("`different` rewards contrast instead of similarity")
    func contrast() {
        let anna = Self.candidate("anna", .teacher, field: "mathematics", criteria: [], preference: .different)
        let far = scorer.score(teacher: anna, professional: Self.candidate("bram", .professional, field: "arts_media", criteria: []))
        let near = scorer.score(teacher: anna, professional: Self.candidate("carl", .professional, field: "mathematics", criteria: []))
        #expect(far.total > near.total)
        #expect(far.contributions.contains { if case .contrastWanted = $0.reason { return $0.points == 10 } else { return false } })
        #expect(near.contributions.contains { if case .contrastMissed = $0.reason { return $0.points == 0 } else { return false } })
    }

    @Test("shared motivation, the sector and education wishes, prior education, target group, region and openness")
    func otherCriteria() {
        let anna = Self.candidate("anna", .teacher, field: "science", criteria: [.personal, .companyType, .subject, .open],
                                  motivations: ["other_world", "career_step"], companyTypes: ["transport", "energy"],
                                  educationTypes: ["vmbo"], background: "lerarenopleiding natuurkunde",
                                  targetGroup: "vmbo leerlingen", region: "Rotterdam-Zuid")
        let bram = Self.candidate("bram", .professional, field: "engineering", criteria: [.educationType],
                                  motivations: ["career_step"], companyTypes: ["transport"], educationTypes: ["vmbo", "mbo"],
                                  background: "werktuigbouwkunde en natuurkunde", targetGroup: "mbo stagiairs",
                                  region: "regio Rotterdam")
        let score = scorer.score(teacher: anna, professional: bram)
        let reasons = score.contributions.map(\.reason)
        #expect(reasons.contains(.sharedMotivation(["career_step"])))
        #expect(reasons.contains(.sectorWanted(["transport"])))
        #expect(reasons.contains(.educationWanted(["vmbo"])))
        let family = Self.terms.studies[0].label
        #expect(reasons.contains(.relatedBackground([TermMatch(family: family, teacherWords: ["natuurkunde"],
                                                               professionalWords: ["werktuigbouwkunde", "natuurkunde"])])))
        #expect(reasons.contains(.relatedTargetGroup([TermMatch(family: Self.terms.targetGroups[0].label, teacherWords: ["vmbo"],
                                                                professionalWords: ["mbo"])])))
        #expect(reasons.contains(.sameRegion("Rotterdam-Zuid")))
        #expect(score.contributions.first { $0.reason == .openToAnyone }?.wishedBy == [anna.id])
        #expect(reasons.contains(.relatedFields("science", "engineering")))
        #expect(score.total == score.contributions.reduce(0) { $0 + $1.points })
    }

    @Test("the fast total equals the explained score", arguments: 0..<20)
    func fastTotalAgrees(seed: Int) {
        let fields = ["mathematics", "ict", "science", "arts_media", "other"]
        let teacher = Self.candidate("t\(seed)", .teacher, field: fields[seed % 5], criteria: Array(MatchCriterion.allCases.prefix(seed % 5 + 1)),
                                     preference: SubjectPreference.allCases[seed % 3], motivations: ["network", "other_world"],
                                     companyTypes: ["ict"], educationTypes: ["havo"], background: seed % 3 == 0 ? "natuurkunde" : "bedrijfskunde",
                                     targetGroup: "vmbo", region: "Delft")
        let professional = Self.candidate("p\(seed)", .professional, field: fields[(seed / 2) % 5], criteria: [.educationType, .personal],
                                          preference: SubjectPreference.allCases[(seed + 1) % 3], motivations: ["network"],
                                          companyTypes: ["ict"], educationTypes: ["havo", "vwo"], background: "werktuigbouwkunde",
                                          targetGroup: seed % 2 == 0 ? "mbo-stagiairs" : "klanten", region: seed % 2 == 0 ? "Delft" : "Leiden")
        var vocabulary = Vocabulary()
        let t = scorer.features(teacher, vocabulary: &vocabulary), p = scorer.features(professional, vocabulary: &vocabulary)
        #expect(scorer.total(t, p) == scorer.score(teacher: teacher, professional: professional).total)
    }

    @Test("the fast total stays exact beyond 63 distinct option values (long lists of an author's own)")
    func manyOptionValues() {
        var vocabulary = Vocabulary()
        let filler = Self.candidate("filler", .teacher, criteria: [.personal], motivations: (0..<70).map { "m\($0)" })
        _ = scorer.features(filler, vocabulary: &vocabulary)
        let teacher = Self.candidate("t", .teacher, criteria: [.personal, .companyType], motivations: ["late_a"], companyTypes: ["late_x"])
        let professional = Self.candidate("p", .professional, criteria: [.personal], motivations: ["late_b"], companyTypes: ["late_y"])
        let t = scorer.features(teacher, vocabulary: &vocabulary), p = scorer.features(professional, vocabulary: &vocabulary)
        #expect(scorer.total(t, p) == scorer.score(teacher: teacher, professional: professional).total)
    }

    @Test("hard constraints: same side, same organisation, a coordinator's exclusion, an earlier pair")
    func constraints() {
        let anna = Self.candidate("anna", .teacher, organization: "Erasmus College")
        let bea = Self.candidate("bea", .teacher)
        let bram = Self.candidate("bram", .professional, organization: "erasmus  collège")
        let carl = Self.candidate("carl", .professional)
        let dirk = Self.candidate("dirk", .professional)
        let constraints = MatchConstraints(exclusions: [[anna.id, carl.id]], previousPairs: [[anna.id, dirk.id]])
        #expect(constraints.ineligibility(anna, bea) == .sameSide)
        #expect(constraints.ineligibility(anna, bram) == .sameOrganization("Erasmus College"))
        #expect(constraints.ineligibility(carl, anna) == .excluded)
        #expect(constraints.ineligibility(anna, dirk) == .matchedBefore)
        #expect(constraints.ineligibility(bea, dirk) == nil)
    }

    @Test("a round pairs as many as the constraints allow, with the largest total among those")
    func roundOptimal() {
        let t1 = Self.candidate("t1", .teacher, field: "mathematics", organization: "X")
        let t2 = Self.candidate("t2", .teacher, field: "languages")
        let p1 = Self.candidate("p1", .professional, field: "mathematics", organization: "X")   // not with t1
        let p2 = Self.candidate("p2", .professional, field: "mathematics")
        let p3 = Self.candidate("p3", .professional, field: "languages")
        let round = MatchingRound(candidates: [t1, t2, p1, p2, p3])
        let result = round.solve(.optimal)
        #expect(result.proposals.count == 2)
        let pairs = Set(result.proposals.map { "\($0.teacher.local)-\($0.professional.local)" })
        #expect(pairs == ["t1-p2", "t2-p3"])
        #expect(result.unmatchedProfessionals == [p1.id])

        // Every teacher can only go to p1, whom t1 may not have: only one pair is possible.
        let squeezed = MatchingRound(candidates: [t1, Self.candidate("t3", .teacher), p1],
                                     constraints: MatchConstraints()).solve(.optimal)
        #expect(squeezed.proposals.count == 1)
        #expect(squeezed.proposals.first?.teacher.local == "t3")
    }

    @Test("the stable method leaves no teacher and professional who would both rather have each other")
    func roundStable() {
        let candidates = (0..<6).map { n in
            Self.candidate("t\(n)", .teacher, field: ["mathematics", "ict", "languages"][n % 3], criteria: [.subject, .personal],
                           motivations: n % 2 == 0 ? ["network"] : ["career_step"], region: n < 3 ? "Delft" : "Zwolle")
        } + (0..<5).map { n in
            Self.candidate("p\(n)", .professional, field: ["ict", "languages", "mathematics"][n % 3], criteria: [.personal],
                           motivations: n % 2 == 0 ? ["career_step"] : ["network"], region: n < 2 ? "Delft" : "Zwolle")
        }
        let round = MatchingRound(candidates: candidates)
        let result = round.solve(.stable)
        #expect(result.proposals.count == 5)
        func score(_ t: MatchCandidate, _ p: MatchCandidate) -> Double { scorer.score(teacher: t, professional: p).total }
        let teachers = candidates.filter { $0.profile.side == .teacher }, professionals = candidates.filter { $0.profile.side == .professional }
        func partnerScore(_ id: ParticipantID) -> Double? { result.proposals.first { $0.teacher == id || $0.professional == id }?.total }
        for t in teachers {
            for p in professionals {
                let s = score(t, p)
                let blocking = s > (partnerScore(t.id) ?? -1) && s > (partnerScore(p.id) ?? -1)
                #expect(!blocking, "\(t.id) and \(p.id) would both rather have each other")
            }
        }
    }

    @Test("open matching shows only consenting, unpaired, unjudged, eligible profiles of the other side, best first")
    func openMatching() {
        let anna = Self.candidate("anna", .teacher, field: "mathematics", open: true)
        let best = Self.candidate("best", .professional, field: "mathematics", open: true)
        let good = Self.candidate("good", .professional, field: "ict", open: true)
        let closed = Self.candidate("closed", .professional, field: "mathematics")
        let paired = Self.candidate("paired", .professional, open: true)
        let judged = Self.candidate("judged", .professional, open: true)
        let teacher = Self.candidate("bea", .teacher, open: true)
        let pool = [anna, best, good, closed, paired, judged, teacher]
        let open = OpenMatching()
        let shown = open.candidates(for: anna, pool: pool, paired: [paired.id], judged: [judged.id]).map(\.professional)
        #expect(shown == [best.id, good.id])
        let notOpen = Self.candidate("zoe", .teacher)
        #expect(open.candidates(for: notOpen, pool: pool, paired: [], judged: []).isEmpty)
        #expect(!open.mayView(anna, closed, paired: []))
    }
}
