public import DialogEngine
import Foundation

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

    public var description: String {
        switch self {
        case .unreadableFolder(let path): return "Cannot read the dialog folder \(path); check the path given with --dialogs or JOBTWIN_DIALOGS."
        case .noDialogs(let path): return "The folder \(path) holds no .yaml dialog files."
        case .unreadableFile(let path): return "Cannot read \(path)."
        case .notUTF8(let path): return "\(path) is not UTF-8 text; save it as UTF-8."
        }
    }
}
