/// Scores teacher–professional pairs from both profiles and from the criteria *each* side chose.
///
/// Every criterion a participant chose counts for them; a criterion both chose counts twice.
/// The profile's `subject_preference: different` turns the field criterion around: then a
/// different field scores, as the seed's "buiten je comfortzone leer je het meest". The region
/// always counts a little, because partners visit each other's work.
public struct MatchScorer: Sendable {
    /// Points for a full match on one criterion, per side that chose it.
    public var weight: Double = 10
    /// Points for working in the same region, whatever the criteria.
    public var regionWeight: Double = 4
    /// Points a side open to anyone adds to every pair.
    public var opennessWeight: Double = 3

    /// Creates a scorer with the default weights.
    public init() {}

    /// The score of pairing `teacher` with `professional`.
    public func score(teacher: MatchCandidate, professional: MatchCandidate) -> PairScore {
        let t = teacher.profile, p = professional.profile
        var contributions: [ScoreContribution] = []
        func choosers(_ criterion: MatchCriterion) -> Double {
            Double((t.criteria.contains(criterion) ? 1 : 0) + (p.criteria.contains(criterion) ? 1 : 0))
        }

        // Field: similarity for those who asked for a subject match, contrast for those who
        // want a different field.
        let similarity = FieldAffinity.similarity(t.field, p.field)
        for side in [teacher, professional] {
            let wantsSubject = side.profile.criteria.contains(.subject)
            switch side.profile.subjectPreference {
            case .different:
                if similarity == 0, t.field != "other" || p.field != "other" {
                    contributions.append(.init(.field, weight, .contrastWanted(by: side.id, t.field, p.field)))
                } else {
                    contributions.append(.init(.field, weight * (1 - similarity), .contrastMissed(by: side.id, t.field)))
                }
            case .similar, .noPreference:
                guard wantsSubject || side.profile.subjectPreference == .similar else { continue }
                if similarity == 1 {
                    contributions.append(.init(.field, weight, .sameField(t.field)))
                } else if similarity > 0 {
                    contributions.append(.init(.field, weight * similarity, .relatedFields(t.field, p.field)))
                } else {
                    contributions.append(.init(.field, 0, .differentFields(t.field, p.field)))
                }
            }
        }

        // Prior education and target group belong to the subject match.
        let subject = choosers(.subject)
        if subject > 0 {
            let background = TextOverlap.sharedWords(t.background, p.background)
            if !background.isEmpty {
                contributions.append(.init(.background, subject * weight * 0.4 * TextOverlap.strength(background), .sharedBackground(background)))
            }
            let target = TextOverlap.sharedWords(t.targetGroup, p.targetGroup)
            if !target.isEmpty {
                contributions.append(.init(.targetGroup, subject * weight * 0.4 * TextOverlap.strength(target), .sharedTargetGroup(target)))
            }
        }

        // Personal: shared learning motivation.
        let personal = choosers(.personal)
        if personal > 0 {
            let shared = t.motivations.filter { $0 != "other" && p.motivations.contains($0) }
            let union = Set(t.motivations).union(p.motivations).subtracting(["other"])
            let jaccard = union.isEmpty ? 0 : Double(shared.count) / Double(union.count)
            contributions.append(.init(.motivation, personal * weight * jaccard, .sharedMotivation(shared)))
        }

        // Company type: the professional's sector against the teacher's wish. It counts double
        // when the teacher chose it, once when only the professional did.
        let company = choosers(.companyType)
        if company > 0 {
            let wanted = p.companyTypes.filter { $0 != "other" && t.companyTypes.contains($0) }
            let weightHere = (t.criteria.contains(.companyType) ? 1.5 : 0) + (p.criteria.contains(.companyType) ? 0.5 : 0)
            contributions.append(wanted.isEmpty
                ? .init(.companyType, 0, .sectorNotWanted)
                : .init(.companyType, weight * weightHere, .sectorWanted(wanted)))
        }

        // Education type: the teacher's kind of education against the professional's wish.
        let education = choosers(.educationType)
        if education > 0 {
            let wanted = t.educationTypes.filter { p.educationTypes.contains($0) }
            let weightHere = (p.criteria.contains(.educationType) ? 1.5 : 0) + (t.criteria.contains(.educationType) ? 0.5 : 0)
            contributions.append(wanted.isEmpty
                ? .init(.educationType, 0, .educationNotWanted)
                : .init(.educationType, weight * weightHere, .educationWanted(wanted)))
        }

        // Region: always, because they visit each other.
        if TextOverlap.sameRegion(t.region, p.region) {
            contributions.append(.init(.region, regionWeight, .sameRegion(t.region)))
        } else {
            contributions.append(.init(.region, 0, .differentRegions(t.region, p.region)))
        }

        for side in [teacher, professional] where side.profile.criteria.contains(.open) {
            contributions.append(.init(.openness, opennessWeight, .openToAnyone(side.id)))
        }
        return PairScore(teacher: teacher.id, professional: professional.id, contributions: contributions)
    }
}
