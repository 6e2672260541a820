import TwinLanguage
import Foundation
import Twinning
import TwinAssistant
import TwinReply

/// Scores, solves and explains a pool of `size` teachers and `size` professionals with varied,
/// seeded profiles — the coordinator's `jobtwin match` at programme scale.
enum PoolBenchmark {
    static func run(size: Int) throws {
        var random = SplitMix(seed: 42)
        let fields = ["mathematics", "science", "engineering", "ict", "economics", "business", "marketing", "languages",
                      "society", "care", "arts_media", "logistics", "sustainability", "hr_learning", "law_public", "other"]
        let sectors = ["ict", "industry", "construction", "energy", "transport", "finance", "business_services", "retail",
                       "healthcare", "government", "media_culture", "hospitality", "agri_food"]
        let education = ["primary", "vmbo", "havo", "vwo", "mbo", "hbo", "wo"]
        let motivations = ["other_world", "career_step", "collaboration", "network", "other"]
        let towns = ["Rotterdam", "Utrecht", "Amsterdam", "Den Haag", "Eindhoven", "Groningen", "Zwolle", "Delft", "Breda", "Arnhem"]
        let words = ["wiskunde", "natuurkunde", "werktuigbouwkunde", "economie", "informatica", "pedagogiek", "marketing",
                     "bedrijfskunde", "techniek", "vmbo", "mbo", "stagiairs", "leerlingen", "klanten", "studenten",
                     "lerarenopleiding natuurkunde", "werktuigbouwkunde aan de TU Delft", "vmbo-leerlingen", "(v)mbo-stagiairs"]
        let roles = ["docent wiskunde", "natuurkundedocent", "digital sales manager", "ingenieur", "praktijkopleider",
                     "docent Nederlands", "data-analist", "HR-adviseur", "teamleider", "projectmanager"]
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        func some<T: Hashable>(_ list: [T], _ most: Int) -> [T] {
            Array(Set((0..<(1 + Int(random.next() % UInt64(most)))).map { _ in pick(list) }))
        }
        let now = Date()
        var candidates: [MatchCandidate] = []
        for side in [Side.teacher, .professional] {
            for n in 0..<size {
                guard let id = ParticipantID("bench:\(side.rawValue)-\(n)") else { continue }
                let criteria = some(MatchCriterion.allCases, 3)
                let profile = Profile(
                    name: "\(side.rawValue) \(n)", side: side, organization: "\(side.rawValue) org \(n % 900)",
                    role: pick(roles), field: pick(fields), educationTypes: some(education, 3), companyTypes: some(sectors, 3),
                    background: "\(pick(words)) \(pick(words))", targetGroup: pick(words), motivations: some(motivations, 2),
                    criteria: criteria, subjectPreference: pick(SubjectPreference.allCases), region: pick(towns),
                    openMatchingConsent: nil, updatedAt: now)
                candidates.append(MatchCandidate(id: id, profile: profile))
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        // Scored as `jobtwin match` scores: with the built-in table of related terms.
        let round = MatchingRound(candidates: candidates, scorer: MatchScorer(terms: DialogLibrary.builtinTerms))
        let result = round.solve(.optimal)
        let solved = clock.now
        // Explaining means putting every proposed pair's reasons into words, as `jobtwin match` prints them.
        let explainer = MatchExplainer(program: try DialogLibrary.load(directory: nil))
        let names = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, $0.profile.name) })
        var characters = 0
        for score in result.proposals {
            characters += explainer.lines(score, names: names, language: .nl).joined(separator: "\n").count
        }
        let explained = clock.now
        print("pool: \(size) teachers + \(size) professionals")
        print("pairs: \(result.proposals.count), total score: \(result.total)")
        print("scored and solved in \(solved - start), explained in \(explained - solved) (\(characters) characters)")
        print("whole: \(explained - start)")
    }
}

/// A small seeded generator, so that every run scores the same pool.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
