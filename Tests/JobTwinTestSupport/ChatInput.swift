public import Foundation

/// What the process tests type into `jobtwin chat`.
public enum ChatInput {
    /// A teacher's whole intake, consent first, with `name` as the name.
    public static func intake(name: String) -> [String] {
        ["ja", name, "docent", "Erasmus College", "Rotterdam", "docent wiskunde", "wiskunde", "lerarenopleiding",
         "vmbo", "vmbo, havo", "1", "1", "1, 2", "2", "ja", "ja"]
    }

    /// The intake, then "Mijn gegevens" → "Alles over mij laten verwijderen" → VERWIJDEREN, one
    /// line each.
    public static func erasureRequest(name: String) -> Data {
        Data((intake(name: name) + ["mijn gegevens", "2", "VERWIJDEREN"]).map { $0 + "\n" }.joined().utf8)
    }
}
