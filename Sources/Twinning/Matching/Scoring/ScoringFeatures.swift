/// A candidate's profile reduced to what scoring compares, computed once per candidate so that
/// scoring a pair — millions of times in a large pool — compares integers, not texts.
///
/// A class, so that handing one to the scorer costs one reference count, not one per field.
public final class ScoringFeatures: Sendable {
    let id: ParticipantID
    let side: Side
    let criteria: Set<MatchCriterion>
    let preference: SubjectPreference
    let field: String
    let motivations: [String]
    let companyTypes: [String]
    let educationTypes: [String]
    /// The families of related terms the prior education, the target group and the position
    /// mention, with the words that did.
    let background: [TermMatcher.Hit]
    let targetGroup: [TermMatcher.Hit]
    let position: [TermMatcher.Hit]
    let region: Set<Int>
    let regionText: String
    /// The sets above as bit masks over option ids, for the fast total; exact only while every
    /// value's id is below 63 (see `masksAreExact`).
    let motivationMask: UInt64
    let companyMask: UInt64
    let educationMask: UInt64
    let backgroundMask: UInt64
    let targetGroupMask: UInt64
    let positionMask: UInt64
    let fieldID: Int
    /// The criteria as flags, for the fast total.
    let wantsSubject: Bool
    let wantsPersonal: Bool
    let wantsCompanyType: Bool
    let wantsEducationType: Bool
    let wantsOpen: Bool
    /// Whether the masks hold every value on a bit of its own; when not, the scorer compares
    /// the lists instead.
    let masksAreExact: Bool
    /// The organisation compared without case, accents and punctuation.
    let organizationKey: String

    /// Reduces `candidate`'s profile, giving words ids from `vocabulary` and reading the free
    /// texts against `terms`.
    init(_ candidate: MatchCandidate, vocabulary: inout Vocabulary, terms: PreparedTerms) {
        let p = candidate.profile
        id = candidate.id
        side = p.side
        criteria = Set(p.criteria)
        preference = p.subjectPreference
        field = p.field
        motivations = p.motivations
        companyTypes = p.companyTypes
        educationTypes = p.educationTypes
        background = terms.studies.hits(in: p.background)
        targetGroup = terms.targetGroups.hits(in: p.targetGroup)
        position = terms.studies.hits(in: p.role)
        backgroundMask = Self.mask(background)
        targetGroupMask = Self.mask(targetGroup)
        positionMask = Self.mask(position)
        region = Set(TextOverlap.words(p.region).map { vocabulary.id($0) })
        regionText = p.region
        motivationMask = vocabulary.mask(p.motivations.filter { $0 != "other" })
        companyMask = vocabulary.mask(p.companyTypes.filter { $0 != "other" })
        educationMask = vocabulary.mask(p.educationTypes)
        fieldID = vocabulary.optionID(p.field)
        organizationKey = MatchConstraints.organizationKey(p.organization)
        masksAreExact = vocabulary.masksAreExact && terms.fitMasks
        wantsSubject = p.criteria.contains(.subject)
        wantsPersonal = p.criteria.contains(.personal)
        wantsCompanyType = p.criteria.contains(.companyType)
        wantsEducationType = p.criteria.contains(.educationType)
        wantsOpen = p.criteria.contains(.open)
    }

    private static func mask(_ hits: [TermMatcher.Hit]) -> UInt64 {
        hits.reduce(0) { $0 | (1 << UInt64(min(63, $1.family))) }
    }
}

/// Gives every distinct word (and word prefix) a small integer id.
public struct Vocabulary: Sendable {
    private var ids: [String: Int] = [:]
    /// Option values (criteria, motivations, sectors, kinds of education, fields) get ids of
    /// their own, so that they fit in 64-bit masks.
    private var optionIDs: [String: Int] = [:]

    /// An empty vocabulary.
    public init() {}

    mutating func id(_ word: String) -> Int {
        if let id = ids[word] { return id }
        let id = ids.count
        ids[word] = id
        return id
    }

    mutating func optionID(_ value: String) -> Int {
        if let id = optionIDs[value] { return id }
        let id = optionIDs.count
        optionIDs[value] = id
        return id
    }

    /// A mask of the values' ids; values beyond the 63rd distinct one share the last bit, which
    /// could count an overlap that is not there — so the scorer compares the lists then
    /// (`ScoringFeatures.masksAreExact`).
    mutating func mask(_ values: [String]) -> UInt64 {
        values.reduce(0) { $0 | (1 << UInt64(min(63, optionID($1)))) }
    }

    /// Whether every option value seen so far has a bit of its own.
    var masksAreExact: Bool { optionIDs.count < 63 }
}
