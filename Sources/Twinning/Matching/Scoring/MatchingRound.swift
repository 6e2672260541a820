import Dispatch
/// One round of matching over the unmatched participants: score every eligible
/// teacher–professional pair, then pair them by the chosen method.
///
/// The round pairs as many people as the constraints allow; among those pairings the optimal
/// method takes the one with the largest total score. Participants already in a pair (a mutual
/// like from open matching, say) are not in the pool: they stay the pairs they are.
public struct MatchingRound: Sendable {
    /// The teachers in the pool, in id order.
    public let teachers: [MatchCandidate]
    /// The professionals in the pool, in id order.
    public let professionals: [MatchCandidate]
    /// The hard constraints.
    public let constraints: MatchConstraints
    /// How pairs are scored.
    public let scorer: MatchScorer
    private let teacherFeatures: [ScoringFeatures]
    private let professionalFeatures: [ScoringFeatures]

    /// The outcome of a round.
    public struct Result: Sendable {
        /// The proposed pairs with their scores and reasons, in teacher order.
        public var proposals: [PairScore]
        /// Teachers left without a partner.
        public var unmatchedTeachers: [ParticipantID]
        /// Professionals left without a partner.
        public var unmatchedProfessionals: [ParticipantID]
        /// The sum of the proposals' scores.
        public var total: Double { proposals.reduce(0) { $0 + $1.total } }
    }

    /// Prepares a round over `candidates` (both sides mixed).
    public init(candidates: [MatchCandidate], constraints: MatchConstraints = MatchConstraints(), scorer: MatchScorer = MatchScorer()) {
        teachers = candidates.filter { $0.profile.side == .teacher }.sorted { $0.id < $1.id }
        professionals = candidates.filter { $0.profile.side == .professional }.sorted { $0.id < $1.id }
        self.constraints = constraints
        self.scorer = scorer
        var vocabulary = Vocabulary()
        teacherFeatures = teachers.map { scorer.features($0, vocabulary: &vocabulary) }
        professionalFeatures = professionals.map { scorer.features($0, vocabulary: &vocabulary) }
    }

    /// Pairs the pool by `method`.
    public func solve(_ method: MatchingMethod) -> Result {
        guard !teachers.isEmpty, !professionals.isEmpty else {
            return Result(proposals: [], unmatchedTeachers: teachers.map(\.id), unmatchedProfessionals: professionals.map(\.id))
        }
        let scores = scoreMatrix()
        let pairs: [(Int, Int)]
        switch method {
        case .optimal: pairs = optimalPairs(scores)
        case .stable: pairs = stablePairs(scores)
        }
        let proposals = pairs.map { scorer.score(teacherFeatures[$0.0], professionalFeatures[$0.1]) }
        let pairedTeachers = Set(pairs.map(\.0)), pairedProfessionals = Set(pairs.map(\.1))
        return Result(
            proposals: proposals,
            unmatchedTeachers: teachers.indices.filter { !pairedTeachers.contains($0) }.map { teachers[$0].id },
            unmatchedProfessionals: professionals.indices.filter { !pairedProfessionals.contains($0) }.map { professionals[$0].id })
    }

    /// The score of any two participants, with why they may not be paired if so.
    public func explain(_ a: ParticipantID, _ b: ParticipantID) -> (score: PairScore?, ineligibility: Ineligibility?)? {
        let all = teachers + professionals
        guard let first = all.first(where: { $0.id == a }), let second = all.first(where: { $0.id == b }) else { return nil }
        if let reason = constraints.ineligibility(first, second) {
            return (nil, reason)
        }
        let (teacher, professional) = first.profile.side == .teacher ? (first, second) : (second, first)
        return (scorer.score(teacher: teacher, professional: professional), nil)
    }

    // MARK: - Solving

    /// Row-major teacher × professional totals, and which pairs are allowed.
    private func scoreMatrix() -> (scores: [Double], allowed: [Bool]) {
        let columns = professionals.count
        var scores = [Double](repeating: 0, count: teachers.count * columns)
        var allowed = [Bool](repeating: false, count: teachers.count * columns)
        // The similarity of every two fields, looked up by field id instead of by name.
        let fieldCount = (teacherFeatures + professionalFeatures).map(\.fieldID).max().map { $0 + 1 } ?? 0
        var fieldNames = [String](repeating: "", count: fieldCount)
        for features in teacherFeatures + professionalFeatures { fieldNames[features.fieldID] = features.field }
        let similarity = fieldNames.flatMap { a in fieldNames.map { b in FieldAffinity.similarity(a, b) } }
        // Rows are scored in parallel chunks; each chunk writes only its own rows.
        let rows = teachers.count
        let chunks = min(rows, 8)
        scores.withUnsafeMutableBufferPointer { scoreBuffer in
            allowed.withUnsafeMutableBufferPointer { allowedBuffer in
                nonisolated(unsafe) let scoreOut = scoreBuffer, allowedOut = allowedBuffer
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for row in stride(from: chunk, to: rows, by: chunks) {
                        let teacher = teacherFeatures[row]
                        for column in 0..<columns {
                            let professional = professionalFeatures[column]
                            // The same constraints as `MatchConstraints.ineligibility`, on prepared keys.
                            if !teacher.organizationKey.isEmpty, teacher.organizationKey == professional.organizationKey { continue }
                            if constraints.isExcludedOrPrevious(teacher.id, professional.id) { continue }
                            scoreOut[row * columns + column] = scorer.total(
                                teacher, professional, fieldSimilarity: similarity[teacher.fieldID * fieldCount + professional.fieldID])
                            allowedOut[row * columns + column] = true
                        }
                    }
                }
            }
        }
        return (scores, allowed)
    }

    private func optimalPairs(_ matrix: (scores: [Double], allowed: [Bool])) -> [(Int, Int)] {
        let rows = teachers.count, columns = professionals.count
        if let problem = try? AssignmentProblem(rowCount: rows, columnCount: columns, scores: matrix.scores, allowed: matrix.allowed),
           let assignment = try? LinearAssignment.solve(problem) {
            return assignment.pairs.map { ($0.row, $0.column) }
        }
        // Not everyone of the smaller side can be paired. Give every teacher a stand-in
        // "nobody" column so that the problem is always feasible, and make a stand-in cost more
        // than any real pair can gain: the solver then pairs as many as possible first, and
        // among those pairings takes the largest total.
        let best = zip(matrix.scores, matrix.allowed).filter(\.1).map { abs($0.0) }.max() ?? 0
        let nobody = -(best + 1) * Double(rows + columns + 1)
        let width = columns + rows
        var scores = [Double](repeating: 0, count: rows * width)
        var allowed = [Bool](repeating: false, count: rows * width)
        for row in 0..<rows {
            for column in 0..<columns {
                scores[row * width + column] = matrix.scores[row * columns + column]
                allowed[row * width + column] = matrix.allowed[row * columns + column]
            }
            scores[row * width + columns + row] = nobody
            allowed[row * width + columns + row] = true
        }
        guard let problem = try? AssignmentProblem(rowCount: rows, columnCount: width, scores: scores, allowed: allowed),
              let assignment = try? LinearAssignment.solve(problem) else { return [] }
        return assignment.pairs.filter { $0.column < columns }.map { ($0.row, $0.column) }
    }

    private func stablePairs(_ matrix: (scores: [Double], allowed: [Bool])) -> [(Int, Int)] {
        let rows = teachers.count, columns = professionals.count
        let scores = matrix.scores, allowed = matrix.allowed
        // Each side ranks the allowed partners by score, best first; ties by position, so that
        // the order is the same every time.
        let rowPreferences = (0..<rows).map { row in
            (0..<columns).filter { allowed[row * columns + $0] }
                .sorted { (scores[row * columns + $0], -$0) > (scores[row * columns + $1], -$1) }
        }
        let columnPreferences = (0..<columns).map { column in
            (0..<rows).filter { allowed[$0 * columns + column] }
                .sorted { (scores[$0 * columns + column], -$0) > (scores[$1 * columns + column], -$1) }
        }
        guard let pairing = try? StableMatching.solve(rowPreferences: rowPreferences, columnPreferences: columnPreferences) else { return [] }
        return pairing.pairs.map { ($0.row, $0.column) }
    }
}
