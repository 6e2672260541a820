public import DialogEngine
import Foundation
public import Twinning

/// Finds and loads the dialogs: the built-in ones compiled into the binary, or an author's own
/// folder (`--dialogs DIR` or `JOBTWIN_DIALOGS`).
public enum DialogLibrary {
    /// The built-in dialog sources.
    public static var builtinSources: [DialogSource] { BuiltinDialogs.sources }

    /// Reads every `.yaml`/`.yml` file of `directory`.
    ///
    /// - Throws: `DialogLibraryError` when the folder cannot be read or holds no dialogs.
    public static func sources(in directory: String) throws(DialogLibraryError) -> [DialogSource] {
        let url = URL(fileURLWithPath: directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadableFolder(directory)
        }
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !files.isEmpty else { throw .noDialogs(directory) }
        var sources: [DialogSource] = []
        for name in files {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else {
                throw .unreadableFile(path)
            }
            guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(path) }
            sources.append(DialogSource(path: path, text: text))
        }
        return sources
    }

    /// The built-in table of related studies and target groups. A test reads the shipped file
    /// with the linter, so that it is never empty by mistake.
    public static let builtinTerms: RelatedTerms = BuiltinDialogs.terms.flatMap { RelatedTermsFile.read($0).terms } ?? .empty

    /// The built-in table's source.
    public static var builtinTermsSource: DialogSource? { BuiltinDialogs.terms }

    /// The table file of `directory` (`matching/terms.yaml`), when it has one.
    ///
    /// - Throws: `DialogLibraryError` when the file is there but cannot be read.
    public static func termsSource(in directory: String) throws(DialogLibraryError) -> DialogSource? {
        let path = (directory.hasSuffix("/") ? directory : directory + "/") + RelatedTermsFile.relativePath
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableFile(path) }
        guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(path) }
        return DialogSource(path: path, text: text)
    }

    /// The table of related terms for the dialogs of `directory`: the built-in one, with the
    /// families of the folder's own `matching/terms.yaml` added when it has one.
    ///
    /// - Throws: `DialogLibraryError.invalidTerms` with every problem when that file has errors.
    public static func terms(directory: String?) throws(DialogLibraryError) -> RelatedTerms {
        guard let directory, let source = try termsSource(in: directory) else { return builtinTerms }
        let result = RelatedTermsFile.read(source)
        guard let terms = result.terms else { throw .invalidTerms(result.diagnostics.filter { $0.severity == .error }) }
        return builtinTerms.merged(with: terms)
    }

    /// Loads the dialogs of `directory`, or the built-in ones when it is `nil`, checked against
    /// the Job Twinning interface.
    public static func load(directory: String?) throws -> Program {
        let sources = try directory.map { try Self.sources(in: $0) } ?? builtinSources
        return try Program.load(sources, host: JobTwinInterface.host)
    }
}

/// Why a dialog folder could not be read.
public enum DialogLibraryError: Error, Sendable, CustomStringConvertible {
    case unreadableFolder(String)
    case noDialogs(String)
    case unreadableFile(String)
    case notUTF8(String)
    case invalidTerms([Diagnostic])

    public var description: String {
        switch self {
        case .unreadableFolder(let path): return "Cannot read the dialog folder \(path); check the path given with --dialogs or JOBTWIN_DIALOGS."
        case .noDialogs(let path): return "The folder \(path) holds no .yaml dialog files."
        case .unreadableFile(let path): return "Cannot read \(path)."
        case .notUTF8(let path): return "\(path) is not UTF-8 text; save it as UTF-8."
        case .invalidTerms(let diagnostics):
            return "The table of related terms has errors; fix them (`jobtwin dialogs lint` lists them too):\n"
                + diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
