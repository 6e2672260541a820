/// Scores teacher–professional pairs from both profiles and from the criteria *each* side chose.
///
/// Every criterion a participant chose counts for them; a criterion both chose counts twice.
/// The profile's `subject_preference: different` turns the field criterion around: then a
/// different field scores, as the programme guide's "buiten je comfortzone leer je het meest". The region
/// always counts a little, because partners visit each other's work.
///
/// The same rules give the total alone (`total`, fast, for large pools) and the total with its
/// reasons (`score`, for the pairs that are shown), so the two can never disagree.
public struct MatchScorer: Sendable {
    /// Points for a full match on one criterion, per side that chose it.
    public var weight: Double = 10
    /// Points for working in the same region, whatever the criteria.
    public var regionWeight: Double = 4
    /// Points a side open to anyone adds to every pair.
    public var opennessWeight: Double = 3

    /// Creates a scorer with the default weights.
    public init() {}

    /// The score of pairing `teacher` with `professional`, with every contribution explained.
    public func score(teacher: MatchCandidate, professional: MatchCandidate) -> PairScore {
        var vocabulary = Vocabulary()
        let t = ScoringFeatures(teacher, vocabulary: &vocabulary)
        let p = ScoringFeatures(professional, vocabulary: &vocabulary)
        return score(t, p)
    }

    /// The score of a pair from prepared features, with every contribution explained.
    public func score(_ teacher: ScoringFeatures, _ professional: ScoringFeatures) -> PairScore {
        var contributions: [ScoreContribution] = []
        _ = evaluate(teacher, professional) { contributions.append($0) }
        return PairScore(teacher: teacher.id, professional: professional.id, contributions: contributions)
    }

    /// The total score of a pair from prepared features, without building the explanation.
    ///
    /// This is the same arithmetic as `evaluate`, over bit masks instead of lists, because a
    /// pool of thousands scores millions of pairs; a test checks that both always agree.
    public func total(_ t: ScoringFeatures, _ p: ScoringFeatures) -> Double {
        total(t, p, fieldSimilarity: FieldAffinity.similarity(t.field, p.field))
    }

    /// `total` with the two fields' similarity already looked up (a round keeps a table of it).
    public func total(_ t: ScoringFeatures, _ p: ScoringFeatures, fieldSimilarity similarity: Double) -> Double {
        // More distinct option values than the masks hold (an author's very long lists): the
        // exact rules over the lists.
        guard t.masksAreExact, p.masksAreExact else { return (evaluate(t, p, record: nil) * 10).rounded() / 10 }
        var sum = 0.0
        let bothOther = similarity == 0 && t.field == "other" && p.field == "other"
        sum += fieldPoints(t, similarity: similarity, bothOther: bothOther)
        sum += fieldPoints(p, similarity: similarity, bothOther: bothOther)
        let subject = Double(t.wantsSubject.intValue + p.wantsSubject.intValue)
        if subject > 0 {
            let background = Self.sharedCount(t.background, p.background)
            if background > 0 { sum += subject * weight * 0.4 * Self.strength(background) }
            let target = Self.sharedCount(t.targetGroup, p.targetGroup)
            if target > 0 { sum += subject * weight * 0.4 * Self.strength(target) }
        }
        let personal = Double(t.wantsPersonal.intValue + p.wantsPersonal.intValue)
        if personal > 0 {
            let union = (t.motivationMask | p.motivationMask).nonzeroBitCount
            if union > 0 {
                sum += personal * weight * Double((t.motivationMask & p.motivationMask).nonzeroBitCount) / Double(union)
            }
        }
        if t.wantsCompanyType || p.wantsCompanyType, t.companyMask & p.companyMask != 0 {
            sum += weight * ((t.wantsCompanyType ? 1.5 : 0) + (p.wantsCompanyType ? 0.5 : 0))
        }
        if t.wantsEducationType || p.wantsEducationType, t.educationMask & p.educationMask != 0 {
            sum += weight * ((p.wantsEducationType ? 1.5 : 0) + (t.wantsEducationType ? 0.5 : 0))
        }
        if !t.region.isEmpty, !t.region.isDisjoint(with: p.region) { sum += regionWeight }
        if t.wantsOpen { sum += opennessWeight }
        if p.wantsOpen { sum += opennessWeight }
        return (sum * 10).rounded() / 10
    }

    /// The field points one side contributes (see `evaluate` for the rules).
    private func fieldPoints(_ side: ScoringFeatures, similarity: Double, bothOther: Bool) -> Double {
        switch side.preference {
        case .different:
            return similarity == 0 && !bothOther ? weight : weight * (1 - similarity)
        case .similar, .noPreference:
            guard side.wantsSubject || side.preference == .similar else { return 0 }
            return weight * similarity
        }
    }

    /// Applies every rule; hands each contribution to `record` when given, returns the sum.
    private func evaluate(_ t: ScoringFeatures, _ p: ScoringFeatures, record: ((ScoreContribution) -> Void)?) -> Double {
        var sum = 0.0
        func add(_ criterion: ScoreCriterion, _ points: Double, _ reason: @autoclosure () -> ScoreReason) {
            sum += points
            record?(ScoreContribution(criterion, points, reason()))
        }
        func choosers(_ criterion: MatchCriterion) -> Double {
            Double((t.criteria.contains(criterion) ? 1 : 0) + (p.criteria.contains(criterion) ? 1 : 0))
        }

        // Field: similarity for those who asked for a subject match, contrast for those who
        // want a different field.
        let similarity = FieldAffinity.similarity(t.field, p.field)
        for side in [t, p] {
            switch side.preference {
            case .different:
                if similarity == 0, t.field != "other" || p.field != "other" {
                    add(.field, weight, .contrastWanted(by: side.id, t.field, p.field))
                } else {
                    add(.field, weight * (1 - similarity), .contrastMissed(by: side.id, t.field))
                }
            case .similar, .noPreference:
                guard side.criteria.contains(.subject) || side.preference == .similar else { continue }
                if similarity == 1 {
                    add(.field, weight, .sameField(t.field))
                } else if similarity > 0 {
                    add(.field, weight * similarity, .relatedFields(t.field, p.field))
                } else {
                    add(.field, 0, .differentFields(t.field, p.field))
                }
            }
        }

        // Prior education and target group belong to the subject match.
        let subject = choosers(.subject)
        if subject > 0 {
            let background = Self.shared(t.background, p.background)
            if !background.isEmpty {
                add(.background, subject * weight * 0.4 * Self.strength(background.count),
                    .sharedBackground(background.map { t.backgroundWords[$0] }))
            }
            let target = Self.shared(t.targetGroup, p.targetGroup)
            if !target.isEmpty {
                add(.targetGroup, subject * weight * 0.4 * Self.strength(target.count),
                    .sharedTargetGroup(target.map { t.targetGroupWords[$0] }))
            }
        }

        // Personal: shared learning motivation.
        let personal = choosers(.personal)
        if personal > 0 {
            let shared = t.motivations.filter { $0 != "other" && p.motivations.contains($0) }
            let union = Set(t.motivations).union(p.motivations).subtracting(["other"])
            let jaccard = union.isEmpty ? 0 : Double(shared.count) / Double(union.count)
            add(.motivation, personal * weight * jaccard, .sharedMotivation(shared))
        }

        // Company type: the professional's sector against the teacher's wish; it weighs more
        // when the teacher chose it than when only the professional did.
        if choosers(.companyType) > 0 {
            let wanted = p.companyTypes.filter { $0 != "other" && t.companyTypes.contains($0) }
            let share = (t.criteria.contains(.companyType) ? 1.5 : 0) + (p.criteria.contains(.companyType) ? 0.5 : 0)
            if wanted.isEmpty { add(.companyType, 0, .sectorNotWanted) } else { add(.companyType, weight * share, .sectorWanted(wanted)) }
        }

        // Education type: the teacher's kind of education against the professional's wish.
        if choosers(.educationType) > 0 {
            let wanted = t.educationTypes.filter { p.educationTypes.contains($0) }
            let share = (p.criteria.contains(.educationType) ? 1.5 : 0) + (t.criteria.contains(.educationType) ? 0.5 : 0)
            if wanted.isEmpty { add(.educationType, 0, .educationNotWanted) } else { add(.educationType, weight * share, .educationWanted(wanted)) }
        }

        // Region: always, because they visit each other.
        if !t.region.isEmpty, !t.region.isDisjoint(with: p.region) {
            add(.region, regionWeight, .sameRegion(t.regionText))
        } else {
            add(.region, 0, .differentRegions(t.regionText, p.regionText))
        }

        for side in [t, p] where side.criteria.contains(.open) {
            add(.openness, opennessWeight, .openToAnyone(side.id))
        }
        return sum
    }

    /// The positions in `a` of the words `b` shares with it (the same word, or one a stem of
    /// the other).
    private static func shared(_ a: [ScoringFeatures.Word], _ b: [ScoringFeatures.Word]) -> [Int] {
        var positions: [Int] = []
        for (index, left) in a.enumerated() {
            if b.contains(where: { right in
                right.id == left.id || left.prefixes.contains(right.id) || right.prefixes.contains(left.id)
            }) { positions.append(index) }
        }
        return positions
    }

    /// How many words of `a` `b` shares (see `shared`).
    private static func sharedCount(_ a: [ScoringFeatures.Word], _ b: [ScoringFeatures.Word]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var count = 0
        for left in a where b.contains(where: { right in
            right.id == left.id || left.prefixes.contains(right.id) || right.prefixes.contains(left.id)
        }) { count += 1 }
        return count
    }

    private static func strength(_ count: Int) -> Double {
        min(1, Double(count) / 2 + 0.5)
    }
}

private extension Bool {
    var intValue: Int { self ? 1 : 0 }
}
