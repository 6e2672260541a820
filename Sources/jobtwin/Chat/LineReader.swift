#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from standard input as raw bytes, with line editing and history on a terminal
/// when the system has libedit or GNU readline.
///
/// The editing library is loaded at run time (`dlopen`), so the binary neither needs its
/// headers to build nor the library to run: without it, plain reading is used. Lines are
/// returned as bytes so that invalid UTF-8 reaches the engine's check instead of being
/// silently repaired.
final class LineReader {
    private typealias ReadlineFunction = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
    private typealias AddHistoryFunction = @convention(c) (UnsafePointer<CChar>?) -> Int32

    private var readline: ReadlineFunction?
    /// Standard input as a C stream of our own, read with `getline` (any line length).
    private let input: UnsafeMutablePointer<FILE>? = fdopen(STDIN_FILENO, "r")
    private var addHistory: AddHistoryFunction?

    /// Whether line editing is active.
    var hasLineEditing: Bool { readline != nil }

    /// Creates a reader; `interactive` enables line editing when a library is available.
    init(interactive: Bool) {
        guard interactive else { return }
        for library in ["libedit.so.2", "libedit.so", "libreadline.so.8", "libedit.3.dylib"] {
            guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else { continue }
            if let symbol = dlsym(handle, "readline") {
                readline = unsafeBitCast(symbol, to: ReadlineFunction.self)
                addHistory = dlsym(handle, "add_history").map { unsafeBitCast($0, to: AddHistoryFunction.self) }
                return
            }
        }
    }

    /// The next line without its line break, or `nil` at the end of input.
    func next(prompt: String) -> [UInt8]? {
        if let readline {
            guard let line = prompt.withCString({ readline($0) }) else { return nil }
            defer { free(line) }
            if line.pointee != 0 { _ = addHistory?(line) }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), count: strlen(line)))
        }
        if !prompt.isEmpty {
            print(prompt, terminator: "")
            fflush(nil)
        }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        guard let input else { return nil }
        let length = getline(&buffer, &capacity, input)
        guard length >= 0, let buffer else { return nil }
        var bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: length))
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return bytes
    }
}
