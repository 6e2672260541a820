/// A candidate's profile reduced to what scoring compares, computed once per candidate so that
/// scoring a pair — millions of times in a large pool — compares integers, not texts.
public struct ScoringFeatures: Sendable {
    /// One meaningful word of a free text: its id, and the ids of its prefixes of five letters
    /// or more, so that `werktuigbouwkunde` and `werktuigbouw` count as the same stem.
    struct Word: Sendable {
        var id: Int
        var prefixes: [Int]
    }

    let id: ParticipantID
    let side: Side
    let criteria: Set<MatchCriterion>
    let preference: SubjectPreference
    let field: String
    let motivations: [String]
    let companyTypes: [String]
    let educationTypes: [String]
    let background: [Word]
    let targetGroup: [Word]
    let backgroundWords: [String]
    let targetGroupWords: [String]
    let region: Set<Int>
    let regionText: String

    /// Reduces `candidate`'s profile, giving words ids from `vocabulary`.
    public init(_ candidate: MatchCandidate, vocabulary: inout Vocabulary) {
        let p = candidate.profile
        id = candidate.id
        side = p.side
        criteria = Set(p.criteria)
        preference = p.subjectPreference
        field = p.field
        motivations = p.motivations
        companyTypes = p.companyTypes
        educationTypes = p.educationTypes
        backgroundWords = TextOverlap.words(p.background).sorted()
        targetGroupWords = TextOverlap.words(p.targetGroup).sorted()
        background = backgroundWords.map { vocabulary.word($0) }
        targetGroup = targetGroupWords.map { vocabulary.word($0) }
        region = Set(TextOverlap.words(p.region).map { vocabulary.id($0) })
        regionText = p.region
    }
}

/// Gives every distinct word (and word prefix) a small integer id.
public struct Vocabulary: Sendable {
    private var ids: [String: Int] = [:]

    /// An empty vocabulary.
    public init() {}

    mutating func id(_ word: String) -> Int {
        if let id = ids[word] { return id }
        let id = ids.count
        ids[word] = id
        return id
    }

    mutating func word(_ word: String) -> ScoringFeatures.Word {
        let characters = Array(word)
        var prefixes: [Int] = []
        if characters.count > 5 {
            for length in 5..<characters.count { prefixes.append(id(String(characters[0..<length]))) }
        }
        return ScoringFeatures.Word(id: id(word), prefixes: prefixes)
    }
}
