package import Foundation

/// What an erasure looks for in other people's rows, and what it puts there instead: the
/// person's identifying texts in every form a column may hold them (as written, escaped as
/// JSON), and their id, replaced by the stand-in. Both stores' erasures use it, so that they
/// take out the same.
package struct TextRedactor: Sendable {
    /// The texts looked for.
    package let texts: IdentifyingTexts
    /// The anonymous stand-in that replaces the person's id.
    package let standIn: String
    /// Each text with the forms it takes in a column, worked out once for every row searched.
    private let anywhereForms: [(text: String, forms: [String])]
    private let wholeValueForms: [(text: String, forms: [String])]
    /// What a column may contain when it shows the person: any form of a text looked for
    /// anywhere, a short text as a whole JSON string, or the id.
    package let searchedForms: [String]

    /// The redactor of `texts`, whose id becomes `standIn`.
    package init(_ texts: IdentifyingTexts, standIn: String) {
        self.texts = texts
        self.standIn = standIn
        anywhereForms = texts.anywhere.map { ($0, Self.forms(of: $0)) }
        wholeValueForms = texts.wholeValues.map { ($0, Self.forms(of: $0)) }
        searchedForms = anywhereForms.flatMap(\.forms) + wholeValueForms.flatMap { $0.forms.map { "\"\($0)\"" } } + [texts.id]
    }

    /// The forms a text takes in a column: as written, and escaped as JSON writers escape it
    /// (quotes, backslashes, line breaks; `/` as `\/` by some).
    package static func forms(of text: String) -> [String] {
        var forms = [text]
        if let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]),
           let json = String(data: data, encoding: .utf8), json.count >= 4 {
            let escaped = String(json.dropFirst(2).dropLast(2))
            forms.append(escaped)
            forms.append(escaped.replacingOccurrences(of: "/", with: "\\/"))
        }
        return Array(Set(forms)).sorted { $0.count > $1.count }
    }

    /// `text` without the person: their texts replaced (except those in `keep`, the row
    /// owner's own), their id replaced by the stand-in.
    package func redacting(_ text: String, keeping keep: Set<String>) -> String {
        var result = text
        for (original, forms) in anywhereForms where !keep.contains(original) {
            for form in forms where result.contains(form) {
                result = result.replacingOccurrences(of: form, with: CopyRedaction.redacted)
            }
        }
        for (original, forms) in wholeValueForms where !keep.contains(original) {
            if result.trimmingCharacters(in: .whitespacesAndNewlines) == original { return CopyRedaction.redacted }
            for form in forms where result.contains("\"\(form)\"") {
                result = result.replacingOccurrences(of: "\"\(form)\"", with: "\"\(CopyRedaction.redacted)\"")
            }
        }
        return PersonalDataErasure.replacingID(texts.id, with: standIn, in: result)
    }

    /// Whether a text shows the person: the search in SQL finds candidates, this decides
    /// (`api:anna` inside `api:annabel` is not them).
    package func shows(_ text: String?) -> Bool {
        guard let text else { return false }
        return redacting(text, keeping: []) != text
    }

    /// The stored reply that replaces one showing the person: "already handled", in its
    /// owner's language, so that a repeated request is still recognised and not taken as new input.
    package static func neutralReply(owner: String, language: String, phase: String) throws -> Data {
        let text = language == "en" ? "This message was already handled." : "Dit bericht is al verwerkt."
        let reply: [String: Any] = [
            "participant": owner, "language": language, "phase": phase,
            "messages": [["kind": "info", "text": text]], "prompt": NSNull(),
        ]
        return try JSONSerialization.data(withJSONObject: reply, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
