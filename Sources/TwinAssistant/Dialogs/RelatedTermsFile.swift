public import DialogEngine
import Foundation
public import Twinning
import TwinLanguage
import Yams

/// Reads the table of related studies and target groups (`matching/terms.yaml` in a dialogs
/// folder) and reports every problem in it the way the dialog linter does: `path:line:column`.
public enum RelatedTermsFile {
    /// Where the table sits inside a dialogs folder.
    public static let relativePath = "matching/terms.yaml"

    /// What reading a table gave: the table when it has no errors, and every problem found.
    public struct Result: Sendable {
        /// The table; `nil` when the file has errors.
        public var terms: RelatedTerms?
        /// Errors and warnings, in the order of the file.
        public var diagnostics: [Diagnostic]
    }

    /// Parses and checks `source`.
    public static func read(_ source: DialogSource) -> Result {
        var reader = Reader(file: source.path)
        let terms = reader.table(source.text)
        let hasErrors = reader.diagnostics.contains { $0.severity == .error }
        return Result(terms: hasErrors ? nil : terms, diagnostics: reader.diagnostics)
    }

    private struct Reader {
        let file: String
        var diagnostics: [Diagnostic] = []

        init(file: String) { self.file = file }

        mutating func table(_ text: String) -> RelatedTerms {
            guard text.utf8.count <= 512 * 1024 else {
                error("the file is larger than 512 KB; a table of terms is far smaller", at: nil)
                return .empty
            }
            let root: Node
            do {
                // Every scalar is read as its text: the basic resolver spares resolving tags.
                guard let node = try Yams.compose(yaml: text, .basic) else { return .empty }
                root = node
            } catch let yamlError as YamlError {
                switch yamlError {
                case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                    diagnostics.append(Diagnostic(.error, "YAML syntax: \(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column)))
                default:
                    error("YAML syntax: \(yamlError)", at: nil)
                }
                return .empty
            } catch {
                self.error("the file is not valid YAML: \(error)", at: nil)
                return .empty
            }
            guard case .mapping(let mapping) = root else {
                error("the table must be a mapping with `studies:` and `target_groups:`", at: root)
                return .empty
            }
            var table = RelatedTerms()
            for pair in mapping {
                switch pair.key.string {
                case "studies": table.studies = families(pair.value, list: "studies")
                case "target_groups": table.targetGroups = families(pair.value, list: "target_groups")
                default: error("unknown key `\(pair.key.string ?? "")` (expected studies, target_groups)", at: pair.key)
                }
            }
            return table
        }

        private mutating func families(_ node: Node, list: String) -> [TermFamily] {
            guard case .sequence(let sequence) = node else {
                error("`\(list)` must be a list of families (`- family: …`)", at: node)
                return []
            }
            var result: [TermFamily] = []
            for element in sequence {
                guard let family = family(element) else { continue }
                if result.contains(where: { $0.id == family.id }) {
                    error("the family `\(family.id)` appears twice in `\(list)`; merge its terms into one", at: element)
                    continue
                }
                result.append(family)
            }
            return result
        }

        private mutating func family(_ node: Node) -> TermFamily? {
            guard case .mapping(let mapping) = node else {
                error("a family is a mapping with `family:`, `label:` and `terms:`", at: node)
                return nil
            }
            var id: String?
            var idReported = false
            var label: LocalizedText?
            var terms: [String] = []
            for pair in mapping {
                switch pair.key.string {
                case "family":
                    guard let text = pair.value.string, !text.isEmpty,
                          text.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }), text.first?.isLetter == true else {
                        error("a family's id is lower-case letters, digits and `_` (`natuurkunde_techniek`)", at: pair.value)
                        idReported = true
                        continue
                    }
                    id = text
                case "label":
                    label = self.label(pair.value)
                case "terms":
                    terms = self.terms(pair.value)
                default:
                    error("unknown key `\(pair.key.string ?? "")` in a family (expected family, label, terms)", at: pair.key)
                }
            }
            guard let id else {
                if !idReported { error("a family needs `family:` with its id", at: node) }
                return nil
            }
            guard let label else {
                error("the family `\(id)` needs `label:` with `nl:` and `en:`", at: node)
                return nil
            }
            if terms.isEmpty { warning("the family `\(id)` has no terms, so it never matches", at: node) }
            return TermFamily(id: id, label: label, terms: terms)
        }

        private mutating func label(_ node: Node) -> LocalizedText? {
            guard case .mapping(let mapping) = node else {
                error("a label is a mapping with `nl:` and `en:`", at: node)
                return nil
            }
            var nl: String?, en: String?
            for pair in mapping {
                switch pair.key.string {
                case "nl": nl = pair.value.string
                case "en": en = pair.value.string
                default: error("unknown key `\(pair.key.string ?? "")` in a label (expected nl, en)", at: pair.key)
                }
            }
            guard let nl, !nl.isEmpty else {
                error("the label has no Dutch text (`nl:`)", at: node)
                return nil
            }
            guard let en, !en.isEmpty else {
                error("the label has no English text (`en:`)", at: node)
                return nil
            }
            return LocalizedText(nl: nl, en: en)
        }

        private mutating func terms(_ node: Node) -> [String] {
            guard case .sequence(let sequence) = node else {
                error("`terms:` is a list: `[natuurkunde, physics, werktuigbouw]`", at: node)
                return []
            }
            var terms: [String] = []
            var seen: Set<[String]> = []
            for element in sequence {
                guard let text = element.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                    error("a term is a word or a few words, not a list or a mapping", at: element)
                    continue
                }
                let words = TermMatcher.words(text.hasPrefix("=") ? String(text.dropFirst()) : text)
                guard let last = words.last else {
                    error("the term `\(text)` has no letters or digits, so it can never match", at: element)
                    continue
                }
                if !seen.insert(words).inserted {
                    warning("the term `\(text)` appears twice in this family", at: element)
                    continue
                }
                if words.count == 1, last.count < 2 {
                    error("the term `\(text)` is a single letter, which would match too much", at: element)
                    continue
                }
                terms.append(text)
            }
            return terms
        }

        private mutating func error(_ message: String, at node: Node?) {
            diagnostics.append(Diagnostic(.error, message, at: location(node)))
        }

        private mutating func warning(_ message: String, at node: Node?) {
            diagnostics.append(Diagnostic(.warning, message, at: location(node)))
        }

        private func location(_ node: Node?) -> SourceLocation {
            SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
        }
    }
}
