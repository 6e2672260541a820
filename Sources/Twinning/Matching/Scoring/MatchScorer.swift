/// Scores teacher–professional pairs from both profiles and from the criteria *each* side chose.
///
/// Every criterion a participant chose counts for them; a criterion both chose counts twice, and
/// is one contribution that names them both.
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

    /// Which studies, positions and target groups count as related.
    public var terms: RelatedTerms {
        get { prepared.table }
        set { prepared = PreparedTerms(newValue) }
    }
    private var prepared: PreparedTerms

    /// Creates a scorer with the default weights that reads free texts against `terms`.
    public init(terms: RelatedTerms = .empty) {
        prepared = PreparedTerms(terms)
    }

    /// `candidate`'s profile reduced to what this scorer compares, with ids from `vocabulary`.
    public func features(_ candidate: MatchCandidate, vocabulary: inout Vocabulary) -> ScoringFeatures {
        ScoringFeatures(candidate, vocabulary: &vocabulary, terms: prepared)
    }

    /// The score of pairing `teacher` with `professional`, with every contribution explained.
    public func score(teacher: MatchCandidate, professional: MatchCandidate) -> PairScore {
        var vocabulary = Vocabulary()
        let t = features(teacher, vocabulary: &vocabulary)
        let p = features(professional, vocabulary: &vocabulary)
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
            for shared in [t.backgroundMask & p.backgroundMask, t.targetGroupMask & p.targetGroupMask, t.positionMask & p.positionMask]
            where shared != 0 {
                sum += subject * weight * 0.4 * Self.strength(shared.nonzeroBitCount)
            }
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
    ///
    /// A rule that fires for each side alike (both asked for a subject match) gives one
    /// contribution with both sides in `wishedBy`, so that its reason is said once.
    private func evaluate(_ t: ScoringFeatures, _ p: ScoringFeatures, record: ((ScoreContribution) -> Void)?) -> Double {
        var sum = 0.0
        var contributions: [ScoreContribution] = []
        func add(_ criterion: ScoreCriterion, _ points: Double, _ reason: @autoclosure () -> ScoreReason, by wishers: [ParticipantID]) {
            sum += points
            guard record != nil else { return }
            let reason = reason()
            if let index = contributions.firstIndex(where: { $0.criterion == criterion && $0.reason == reason }) {
                contributions[index].points += points
                contributions[index].wishedBy += wishers.filter { !contributions[index].wishedBy.contains($0) }
            } else {
                contributions.append(ScoreContribution(criterion, points, reason, wishedBy: wishers))
            }
        }
        func wishers(_ criterion: MatchCriterion) -> [ParticipantID] {
            [t, p].filter { $0.criteria.contains(criterion) }.map(\.id)
        }

        // Field: similarity for those who asked for a subject match, contrast for those who
        // want a different field.
        let similarity = FieldAffinity.similarity(t.field, p.field)
        for side in [t, p] {
            switch side.preference {
            case .different:
                if similarity == 0, t.field != "other" || p.field != "other" {
                    add(.field, weight, .contrastWanted(t.field, p.field), by: [side.id])
                } else {
                    add(.field, weight * (1 - similarity), .contrastMissed(t.field), by: [side.id])
                }
            case .similar, .noPreference:
                guard side.criteria.contains(.subject) || side.preference == .similar else { continue }
                if similarity == 1 {
                    add(.field, weight, .sameField(t.field), by: [side.id])
                } else if similarity > 0 {
                    add(.field, weight * similarity, .relatedFields(t.field, p.field), by: [side.id])
                } else {
                    add(.field, 0, .differentFields(t.field, p.field), by: [side.id])
                }
            }
        }

        // Prior education, target group and position belong to the subject match; they are
        // related when both texts mention a term of the same family.
        let subject = wishers(.subject)
        if !subject.isEmpty {
            let share = Double(subject.count) * weight * 0.4
            let background = shared(t.background, p.background, in: prepared.table.studies)
            if !background.isEmpty { add(.background, share * Self.strength(background.count), .relatedBackground(background), by: subject) }
            let target = shared(t.targetGroup, p.targetGroup, in: prepared.table.targetGroups)
            if !target.isEmpty { add(.targetGroup, share * Self.strength(target.count), .relatedTargetGroup(target), by: subject) }
            let position = shared(t.position, p.position, in: prepared.table.studies)
            if !position.isEmpty { add(.position, share * Self.strength(position.count), .relatedPosition(position), by: subject) }
        }

        // Personal: shared learning motivation.
        let personal = wishers(.personal)
        if !personal.isEmpty {
            let shared = t.motivations.filter { $0 != "other" && p.motivations.contains($0) }
            let union = Set(t.motivations).union(p.motivations).subtracting(["other"])
            let jaccard = union.isEmpty ? 0 : Double(shared.count) / Double(union.count)
            add(.motivation, Double(personal.count) * weight * jaccard, .sharedMotivation(shared), by: personal)
        }

        // Company type: the professional's sector against the teacher's wish; it weighs more
        // when the teacher chose it than when only the professional did.
        let companyType = wishers(.companyType)
        if !companyType.isEmpty {
            let wanted = p.companyTypes.filter { $0 != "other" && t.companyTypes.contains($0) }
            let share = (t.criteria.contains(.companyType) ? 1.5 : 0) + (p.criteria.contains(.companyType) ? 0.5 : 0)
            if wanted.isEmpty {
                add(.companyType, 0, .sectorNotWanted, by: companyType)
            } else {
                add(.companyType, weight * share, .sectorWanted(wanted), by: companyType)
            }
        }

        // Education type: the teacher's kind of education against the professional's wish.
        let educationType = wishers(.educationType)
        if !educationType.isEmpty {
            let wanted = t.educationTypes.filter { p.educationTypes.contains($0) }
            let share = (p.criteria.contains(.educationType) ? 1.5 : 0) + (t.criteria.contains(.educationType) ? 0.5 : 0)
            if wanted.isEmpty {
                add(.educationType, 0, .educationNotWanted, by: educationType)
            } else {
                add(.educationType, weight * share, .educationWanted(wanted), by: educationType)
            }
        }

        // Region: always, because they visit each other.
        if !t.region.isEmpty, !t.region.isDisjoint(with: p.region) {
            add(.region, regionWeight, .sameRegion(t.regionText), by: [])
        } else {
            add(.region, 0, .differentRegions(t.regionText, p.regionText), by: [])
        }

        for side in [t, p] where side.criteria.contains(.open) {
            add(.openness, opennessWeight, .openToAnyone, by: [side.id])
        }
        contributions.forEach { record?($0) }
        return sum
    }

    /// The families both sides' texts mention, with each side's words.
    private func shared(_ teacher: [TermMatcher.Hit], _ professional: [TermMatcher.Hit], in families: [TermFamily]) -> [TermMatch] {
        teacher.compactMap { left in
            guard let right = professional.first(where: { $0.family == left.family }), families.indices.contains(left.family) else { return nil }
            return TermMatch(family: families[left.family].label, teacherWords: left.words, professionalWords: right.words)
        }
    }

    private static func strength(_ count: Int) -> Double {
        min(1, Double(count) / 2 + 0.5)
    }
}

private extension Bool {
    var intValue: Int { self ? 1 : 0 }
}
