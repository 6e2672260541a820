import Testing
import Twinning

/// The optimal assignment is exact: checked against trying every pairing.
@Suite("Linear assignment")
struct LinearAssignmentTests {
    /// The best total over every pairing of the whole smaller side, or `nil` when there is none.
    static func bruteForce(_ problem: AssignmentProblem) -> Double? {
        let transposed = problem.rowCount > problem.columnCount
        let n = min(problem.rowCount, problem.columnCount)
        let m = max(problem.rowCount, problem.columnCount)
        func score(_ i: Int, _ j: Int) -> Double? { transposed ? problem[j, i] : problem[i, j] }
        var used = [Bool](repeating: false, count: m)
        var best: Double?
        func visit(_ i: Int, _ sum: Double) {
            if i == n {
                if best.map({ sum > $0 }) ?? true { best = sum }
                return
            }
            for j in 0..<m where !used[j] {
                guard let value = score(i, j) else { continue }
                used[j] = true
                visit(i + 1, sum + value)
                used[j] = false
            }
        }
        visit(0, 0)
        return best
    }

    /// A random problem: sizes up to `maxSize`, scores from `values`, each cell forbidden with
    /// probability `forbidden`.
    static func randomProblem(_ rng: inout SeededGenerator, rows: Int, columns: Int, forbidden: Double,
                              values: (inout SeededGenerator) -> Double) throws -> AssignmentProblem {
        var scores: [Double] = []
        var allowed: [Bool] = []
        for _ in 0..<(rows * columns) {
            scores.append(values(&rng))
            allowed.append(Double.random(in: 0..<1, using: &rng) >= forbidden)
        }
        return try AssignmentProblem(rowCount: rows, columnCount: columns, scores: scores, allowed: allowed)
    }

    /// The assignment is a valid one-to-one pairing of the whole smaller side over allowed
    /// cells, with the problem's scores and their sum as total.
    static func expectValid(_ assignment: Assignment, for problem: AssignmentProblem, _ context: String) {
        #expect(assignment.pairs.count == min(problem.rowCount, problem.columnCount), "\(context)")
        #expect(Set(assignment.pairs.map(\.row)).count == assignment.pairs.count, "\(context)")
        #expect(Set(assignment.pairs.map(\.column)).count == assignment.pairs.count, "\(context)")
        #expect(assignment.pairs.map(\.row) == assignment.pairs.map(\.row).sorted(), "pairs in row order: \(context)")
        var sum = 0.0
        for pair in assignment.pairs {
            #expect(problem[pair.row, pair.column] == pair.score, "\(context): pair \(pair) uses a forbidden or wrong cell")
            sum += pair.score
        }
        #expect(abs(sum - assignment.total) <= 1e-9 * max(1, abs(sum)), "\(context)")
    }

    /// The members really allow fewer partners than their number, and `partners` lists them all.
    static func expectHallViolation(_ failure: InfeasibleAssignment, for problem: AssignmentProblem, _ context: String) {
        let expectedSide: MatrixSide = problem.rowCount > problem.columnCount ? .columns : .rows
        #expect(failure.side == expectedSide, "\(context)")
        var neighbours = Set<Int>()
        for member in failure.members {
            let otherCount = failure.side == .rows ? problem.columnCount : problem.rowCount
            for other in 0..<otherCount {
                let score = failure.side == .rows ? problem[member, other] : problem[other, member]
                if score != nil { neighbours.insert(other) }
            }
        }
        #expect(neighbours == Set(failure.partners), "\(context)")
        #expect(failure.partners.count < failure.members.count, "\(context)")
    }

    /// Solves and compares with brute force; returns whether the instance was feasible.
    @discardableResult
    static func check(_ problem: AssignmentProblem, _ context: String) -> Bool {
        let expected = bruteForce(problem)
        do {
            let assignment = try LinearAssignment.solve(problem)
            guard let expected else {
                Issue.record("\(context): expected no feasible pairing, got \(assignment)")
                return false
            }
            expectValid(assignment, for: problem, context)
            #expect(abs(assignment.total - expected) <= 1e-9 * max(1, abs(expected)), "\(context): total \(assignment.total), best \(expected)")
            return true
        } catch {
            #expect(expected == nil, "\(context): reported infeasible, but \(String(describing: expected)) is possible: \(error)")
            expectHallViolation(error, for: problem, context)
            return false
        }
    }

    /// The kinds of scores the random instances draw.
    enum Scores: String, CaseIterable, Sendable {
        case integerTies, signedIntegers, decimals, uniformDoubles, allEqual

        func draw(_ rng: inout SeededGenerator) -> Double {
            switch self {
            case .integerTies: Double(Int.random(in: 0...3, using: &rng))
            case .signedIntegers: Double(Int.random(in: -50...50, using: &rng))
            case .decimals: Double(Int.random(in: -10_000...10_000, using: &rng)) / 100
            case .uniformDoubles: Double.random(in: -1e6...1e6, using: &rng)
            case .allEqual: 7.5
            }
        }
    }

    @Test("optimal on random small instances: square, wide and tall; ties, negative and decimal scores; forbidden cells",
          arguments: Scores.allCases)
    func randomInstances(scores: Scores) throws {
        let name = scores.rawValue
        let values = scores.draw
        var rng = SeededGenerator(seed: 20_240_604)
        var feasible = 0
        var infeasible = 0
        for instance in 0..<1_200 {
            let rows = Int.random(in: 0...6, using: &rng)
            let columns = Int.random(in: 0...6, using: &rng)
            let forbidden = [0, 0, 0.2, 0.5, 0.75][instance % 5]
            let problem = try Self.randomProblem(&rng, rows: rows, columns: columns, forbidden: forbidden, values: values)
            if Self.check(problem, "\(name) #\(instance) (\(rows)×\(columns), forbidden \(forbidden))") {
                feasible += 1
            } else {
                infeasible += 1
            }
        }
        // Both outcomes must actually have been exercised.
        #expect(feasible > 300)
        #expect(infeasible > 50)
    }

    @Test("optimal on random 7 × 7 and 4 × 8 / 8 × 4 instances with many searches")
    func largerRandomInstances() throws {
        var rng = SeededGenerator(seed: 99)
        for instance in 0..<150 {
            let (rows, columns) = [(7, 7), (4, 8), (8, 4)][instance % 3]
            let problem = try Self.randomProblem(&rng, rows: rows, columns: columns, forbidden: instance % 2 == 0 ? 0 : 0.3) { rng in
                Double(Int.random(in: -999...999, using: &rng)) / 10
            }
            Self.check(problem, "#\(instance) (\(rows)×\(columns))")
        }
    }

    @Test("a worked example: the largest total, not the greedy choice")
    func example() throws {
        // Greedy would take t1 → p1 (10) and be left with 1 + 1; the optimum pairs t1 → p2.
        let problem = try AssignmentProblem([
            [10, 9, 1],
            [9, 1, 1],
            [1, 1, 1],
        ])
        let assignment = try LinearAssignment.solve(problem)
        #expect(assignment.total == 19)
        #expect(assignment.pairs == [.init(row: 0, column: 1, score: 9), .init(row: 1, column: 0, score: 10 - 1), .init(row: 2, column: 2, score: 1)])
        #expect(assignment.column(forRow: 1) == 0)
        #expect(assignment.row(forColumn: 2) == 2)
    }

    @Test("a tall matrix pairs every column and leaves rows out; a wide one the other way round")
    func rectangular() throws {
        let tall = try AssignmentProblem([
            [1, nil],
            [5, 2],
            [nil, 4],
            [3, 3],
        ])
        let tallResult = try LinearAssignment.solve(tall)
        #expect(tallResult.total == 9)
        #expect(tallResult.pairs.map(\.row) == [1, 2])
        let wide = try AssignmentProblem([[1, 5, nil, 3], [nil, 2, 4, 3]])
        let wideResult = try LinearAssignment.solve(wide)
        #expect(wideResult.total == 9)
        #expect(wideResult.pairs.map(\.column) == [1, 2])
    }

    @Test("an empty side gives an empty assignment")
    func empty() throws {
        for (rows, columns) in [(0, 0), (0, 4), (3, 0)] {
            let problem = try AssignmentProblem(rowCount: rows, columnCount: columns) { _, _ in 1 }
            let assignment = try LinearAssignment.solve(problem)
            #expect(assignment.pairs.isEmpty)
            #expect(assignment.total == 0)
        }
    }

    @Test("infeasible: a row that allows nothing, and rows that share too few columns")
    func infeasible() throws {
        let lonely = try AssignmentProblem([[1, 2, 3], [nil, nil, nil]])
        #expect(throws: InfeasibleAssignment(side: .rows, members: [1], partners: [])) { try LinearAssignment.solve(lonely) }

        let crowded = try AssignmentProblem([
            [1, nil, nil, nil],
            [nil, 1, 1, 1],
            [2, nil, nil, nil],
        ])
        #expect(throws: InfeasibleAssignment(side: .rows, members: [0, 2], partners: [0])) { try LinearAssignment.solve(crowded) }

        // Tall: the columns must all be paired, and columns 0 and 1 only allow row 2.
        let tall = try AssignmentProblem([[nil, nil, 1], [nil, nil, 1], [1, 1, 1], [nil, nil, 1]])
        #expect(throws: InfeasibleAssignment(side: .columns, members: [0, 1], partners: [2])) { try LinearAssignment.solve(tall) }
    }

    @Test("infeasibility explained in words, with names, shortened when long")
    func infeasibleText() {
        let lonely = InfeasibleAssignment(side: .rows, members: [1], partners: [])
        #expect(lonely.explanation(memberName: { "t\($0)" }, partnerName: { "p\($0)" })
            == "row t1 allows no column (all its cells are empty), but every row needs a column of its own (there are no more rows than columns); give it at least one score")
        let crowded = InfeasibleAssignment(side: .columns, members: [3, 0], partners: [4])
        #expect(crowded.explanation(memberName: { "p\($0)" }, partnerName: { "t\($0)" })
            == "the 2 columns p0, p3 together allow only one row (t4), but every column needs a row of its own (there are fewer columns than rows); fill in more of their cells or leave one of them out")
        let many = InfeasibleAssignment(side: .rows, members: Array(0..<13), partners: Array(0..<12))
        #expect(many.description.contains("#0, #1, #2, #3, #4, #5, #6, #7, #8, #9 and 3 more together allow only 12 columns"))
    }

    @Test("larger random instances: the same total transposed and with rows shuffled")
    func invariance() throws {
        var rng = SeededGenerator(seed: 7)
        for instance in 0..<12 {
            let rows = Int.random(in: 30...90, using: &rng)
            let columns = Int.random(in: 30...90, using: &rng)
            let problem = try Self.randomProblem(&rng, rows: rows, columns: columns, forbidden: [0, 0.5, 0.9][instance % 3]) { rng in
                instance % 2 == 0 ? Double(Int.random(in: 0...4, using: &rng)) : Double.random(in: -100...100, using: &rng)
            }
            let transposed = try AssignmentProblem(rowCount: columns, columnCount: rows) { i, j in problem[j, i] }
            let order = Array(0..<rows).shuffled(using: &rng)
            let shuffled = try AssignmentProblem(rowCount: rows, columnCount: columns) { i, j in problem[order[i], j] }
            let results = [problem, transposed, shuffled].map { candidate in
                Result { () throws(InfeasibleAssignment) in try LinearAssignment.solve(candidate) }
            }
            switch (results[0], results[1], results[2]) {
            case (.success(let a), .success(let b), .success(let c)):
                Self.expectValid(a, for: problem, "#\(instance)")
                Self.expectValid(b, for: transposed, "#\(instance) transposed")
                Self.expectValid(c, for: shuffled, "#\(instance) shuffled")
                #expect(abs(a.total - b.total) <= 1e-9 * max(1, abs(a.total)), "#\(instance)")
                #expect(abs(a.total - c.total) <= 1e-9 * max(1, abs(a.total)), "#\(instance)")
            case (.failure(let a), .failure(let b), .failure(let c)):
                Self.expectHallViolation(a, for: problem, "#\(instance)")
                Self.expectHallViolation(b, for: transposed, "#\(instance) transposed")
                Self.expectHallViolation(c, for: shuffled, "#\(instance) shuffled")
            default:
                Issue.record("#\(instance): feasibility differs between equivalent problems: \(results)")
            }
        }
    }

    @Test("a constant square matrix pairs everyone")
    func constant() throws {
        let problem = try AssignmentProblem(rowCount: 40, columnCount: 40) { _, _ in 2.5 }
        let assignment = try LinearAssignment.solve(problem)
        Self.expectValid(assignment, for: problem, "constant")
        #expect(assignment.total == 100)
    }
}
