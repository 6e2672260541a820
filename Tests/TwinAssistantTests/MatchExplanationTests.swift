import DialogEngine
import Foundation
import Testing
import TwinAssistant
import TwinLanguage
import Twinning

/// Matching compares studies, positions and target groups by meaning, through the shipped
/// table of related terms (`Dialogs/matching/terms.yaml`), and says each reason once with whose
/// wish it met. The programme's own three example pairs must each get a reason in words.
@Suite("Match explanations with the table of related terms")
struct MatchExplanationTests {
    static func candidate(_ id: String, _ name: String, _ side: Side, role: String, organization: String, field: String,
                          background: String? = nil, targetGroup: String? = nil, criteria: [MatchCriterion] = [.subject],
                          region: String = "Rotterdam") -> MatchCandidate {
        let profile = Profile(name: name, side: side, organization: organization, role: role, field: field,
                              educationTypes: side == .teacher ? ["vmbo"] : [], companyTypes: side == .professional ? ["ict"] : [],
                              background: background, targetGroup: targetGroup, motivations: ["other_world"], criteria: criteria,
                              subjectPreference: .noPreference, region: region, updatedAt: Date(timeIntervalSince1970: 0))
        return MatchCandidate(id: ParticipantID("api:\(id)")!, profile: profile)
    }

    let explainer: MatchExplainer
    init() throws { explainer = MatchExplainer(program: try DialogLibrary.load(directory: nil)) }

    func lines(_ teacher: MatchCandidate, _ professional: MatchCandidate, _ language: Language = .nl, viewer: ParticipantID? = nil) -> [String] {
        let score = explainer.scorer.score(teacher: teacher, professional: professional)
        let names = [teacher.id: teacher.profile.name, professional.id: professional.profile.name]
        return explainer.lines(score, names: names, language: language, viewer: viewer)
    }

    @Test("the shipped table reads without a single error or warning, and is not empty")
    func shippedTable() throws {
        let source = try #require(DialogLibrary.builtinTermsSource)
        let result = RelatedTermsFile.read(source)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(DialogLibrary.builtinTerms.studies.count >= 10)
        #expect(DialogLibrary.builtinTerms.targetGroups.count >= 6)
    }

    @Test("the shipped table keeps common Dutch words out of families they do not belong to", arguments: [
        ("lichamelijke opvoeding", "studies", "landbouw_voeding"), ("relaties en contacten onderhouden", "studies", "natuurkunde_techniek"),
        ("lesontwerp en curriculumontwerp", "studies", "kunst_media"), ("wat betekenen getallen", "studies", "kunst_media"),
        ("werkbelasting", "studies", "economie_bedrijf"), ("business developer", "studies", "wiskunde_informatica"),
        ("mbo-studenten", "target_groups", "hoger_onderwijs"), ("vmbo-bovenbouw", "target_groups", "havo_vwo"),
        ("klanten van bol.com", "target_groups", "vmbo_mbo"),
    ])
    func noFalseFriends(text: String, list: String, family: String) {
        let families = list == "studies" ? DialogLibrary.builtinTerms.studies : DialogLibrary.builtinTerms.targetGroups
        let hits = TermMatcher(families).hits(in: text).map { families[$0.family].id }
        #expect(!hits.contains(family), "\(text) reads as \(family)")
    }

    @Test("the shipped table finds what its rules promise", arguments: [
        ("maatschappelijk werker", "studies", "zorg_welzijn"), ("ondernemer", "studies", "economie_bedrijf"),
        ("zij-instromer", "target_groups", "volwassenen"), ("mbo-studenten", "target_groups", "vmbo_mbo"),
        ("vwo-bovenbouw", "target_groups", "havo_vwo"), ("docent lichamelijke opvoeding", "studies", "sport_bewegen"),
    ])
    func promisedHits(text: String, list: String, family: String) {
        let families = list == "studies" ? DialogLibrary.builtinTerms.studies : DialogLibrary.builtinTerms.targetGroups
        #expect(TermMatcher(families).hits(in: text).map { families[$0.family].id }.contains(family), "\(text)")
    }

    @Test("a dialogs folder's own table adds its terms to the built-in families and its new families after them")
    func folderTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("matching"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        studies:
          - family: natuurkunde_techniek
            label: {nl: natuurkunde en techniek, en: physics and engineering}
            terms: [scheepsbouwkunde]
          - family: bouw
            label: {nl: bouw, en: construction}
            terms: [bouwkunde, aannemer]
        """.write(to: folder.appendingPathComponent("matching/terms.yaml"), atomically: true, encoding: .utf8)
        let terms = try DialogLibrary.terms(directory: folder.path)
        let physics = try #require(terms.studies.first { $0.id == "natuurkunde_techniek" })
        #expect(physics.terms.contains("scheepsbouwkunde") && physics.terms.contains("werktuigbouw"))
        #expect(terms.studies.last?.id == "bouw")
        #expect(terms.targetGroups == DialogLibrary.builtinTerms.targetGroups)
        let scorer = MatchScorer(terms: terms)
        let teacher = Self.candidate("t", "Tom", .teacher, role: "docent bouwtechniek", organization: "ROC", field: "engineering",
                                     background: "bouwkunde")
        let professional = Self.candidate("p", "Pim", .professional, role: "aannemer", organization: "Bouw BV", field: "engineering")
        #expect(scorer.score(teacher: teacher, professional: professional).contributions.contains { $0.criterion == .background } == false)
        #expect(scorer.score(teacher: teacher, professional: professional).contributions.contains { $0.criterion == .position } == false)
        let builder = Self.candidate("p", "Pim", .professional, role: "aannemer", organization: "Bouw BV", field: "engineering",
                                     background: "bouwkunde (hbo)")
        #expect(scorer.score(teacher: teacher, professional: builder).contributions.contains { $0.criterion == .background })
        #expect(DialogLibrary.builtinTerms.studies.contains { $0.id == "bouw" } == false)
    }

    @Test("a mathematics teacher and the digital sales manager of an IT company: related fields and related positions")
    func mathematicsAndIT() {
        let anna = Self.candidate("anna", "Anna de Vries", .teacher, role: "docente wiskunde", organization: "Erasmus College",
                                  field: "mathematics", background: "lerarenopleiding wiskunde")
        let bram = Self.candidate("bram", "Bram Bakker", .professional, role: "digital sales manager", organization: "IBM",
                                  field: "ict", background: "bedrijfskunde", criteria: [])
        let text = lines(anna, bram)
        #expect(text.contains { $0.contains("verwante vakgebieden: Wiskunde en rekenen ↔ ICT") && $0.hasPrefix("+5") })
        #expect(text.contains { $0.contains("verwante functies: wiskunde ↔ digital (wiskunde en informatica)") })
    }

    @Test("a physics teacher and an engineer at a transport company: a similar prior education, by meaning")
    func physicsAndEngineering() {
        let carla = Self.candidate("carla", "Carla Jansen", .teacher, role: "natuurkundedocent", organization: "Libanon Lyceum",
                                   field: "science", background: "lerarenopleiding natuurkunde")
        let daan = Self.candidate("daan", "Daan Smit", .professional, role: "ingenieur", organization: "RET",
                                  field: "engineering", background: "werktuigbouwkunde aan de TU Delft")
        let text = lines(carla, daan)
        #expect(text.contains { $0.contains("vergelijkbare vooropleiding: natuurkunde ↔ werktuigbouwkunde (natuurkunde en techniek)") })
        #expect(text.contains { $0.contains("verwante functies: natuurkundedocent ↔ ingenieur (natuurkunde en techniek)") })
        #expect(text.contains { $0.contains("verwante vakgebieden") })
        let english = lines(carla, daan, .en)
        #expect(english.contains { $0.contains("similar prior education: natuurkunde ↔ werktuigbouwkunde (physics and engineering)") })
    }

    @Test("a vmbo teacher and someone who works with (v)mbo interns: a similar target group")
    func vmboAndInterns() {
        let eva = Self.candidate("eva", "Eva Mulder", .teacher, role: "docent economie", organization: "Vmbo De Brug",
                                 field: "economics", targetGroup: "vmbo-leerlingen")
        let finn = Self.candidate("finn", "Finn de Boer", .professional, role: "praktijkopleider", organization: "Bouwbedrijf Van Dijk",
                                  field: "hr_learning", targetGroup: "(v)mbo-stagiairs", criteria: [])
        let text = lines(eva, finn)
        #expect(text.contains { $0.contains("vergelijkbare doelgroep: vmbo ↔ mbo (vmbo en mbo)") })
        #expect(text.contains { $0.contains("leerlingen ↔ stagiairs (jongeren die leren)") })
    }

    @Test("a reason both chose is said once, with whose wish it met, for the coordinator and for each partner")
    func onceWithWhoseWish() {
        let anna = Self.candidate("anna", "Anna de Vries", .teacher, role: "docent wiskunde", organization: "Erasmus College", field: "mathematics")
        let bram = Self.candidate("bram", "Bram Bakker", .professional, role: "ingenieur", organization: "ASML", field: "engineering")
        let coordinator = lines(anna, bram)
        #expect(coordinator.filter { $0.contains("verwante vakgebieden") }.count == 1)
        #expect(coordinator.contains { $0.hasPrefix("+10") && $0.contains("verwante vakgebieden") && $0.hasSuffix("(wens van allebei)") })
        #expect(lines(anna, bram, viewer: anna.id).contains { $0.contains("verwante vakgebieden") && $0.hasSuffix("(jullie allebei)") })
        #expect(lines(anna, bram, .en, viewer: bram.id).contains { $0.contains("related fields") && $0.hasSuffix("(you both)") })

        let bramAlone = Self.candidate("bram", "Bram Bakker", .professional, role: "ingenieur", organization: "ASML", field: "engineering", criteria: [])
        #expect(lines(anna, bramAlone, viewer: bramAlone.id).contains { $0.contains("verwante vakgebieden") && $0.hasSuffix("(Anna's wens)") })
        #expect(lines(anna, bramAlone, viewer: anna.id).contains { $0.contains("verwante vakgebieden") && $0.hasSuffix("(jouw wens)") })
        #expect(lines(anna, bramAlone, .en).contains { $0.contains("related fields") && $0.hasSuffix("(Anna's wish)") })
        #expect(lines(anna, bramAlone).contains { $0.contains("zelfde plaats") && !$0.contains("wens") }, "the region always counts, nobody's wish")
    }

    @Test("Dutch and English possessives of first names", arguments: [
        ("Anna", "Anna's", "Anna's"), ("Bram", "Brams", "Bram's"), ("Kees", "Kees'", "Kees'"), ("Timo", "Timo's", "Timo's"),
        ("Anne", "Annes", "Anne's"), ("René", "René's", "René's"), ("Max", "Max'", "Max's"), ("Zoë", "Zoë's", "Zoë's"),
    ])
    func possessives(name: String, dutch: String, english: String) {
        #expect(Language.nl.possessive(of: name) == dutch)
        #expect(Language.en.possessive(of: name) == english)
    }
}
