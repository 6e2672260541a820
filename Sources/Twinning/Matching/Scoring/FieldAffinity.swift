/// Which fields of work are close to each other, so that a mathematics teacher and someone in
/// IT count as a subject match — the programme guide's own examples (wiskunde ↔ IT, natuurkunde ↔
/// engineering at a transport company).
public enum FieldAffinity {
    private static let related: Set<[String]> = [
        ["ict", "mathematics"], ["economics", "mathematics"], ["engineering", "mathematics"],
        ["engineering", "science"], ["science", "sustainability"], ["engineering", "ict"],
        ["engineering", "logistics"], ["engineering", "sustainability"], ["logistics", "science"],
        ["business", "economics"], ["economics", "marketing"], ["business", "marketing"],
        ["economics", "law_public"], ["languages", "marketing"], ["arts_media", "marketing"],
        ["arts_media", "languages"], ["law_public", "society"], ["care", "hr_learning"],
        ["care", "society"], ["business", "hr_learning"], ["business", "logistics"],
    ]

    /// 1 for the same field, 0.5 for related fields, 0 otherwise (and for `other`, which says
    /// nothing about closeness).
    public static func similarity(_ a: String, _ b: String) -> Double {
        if a == "other" || b == "other" { return 0 }
        if a == b { return 1 }
        return related.contains([a, b].sorted()) ? 0.5 : 0
    }
}
