public import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Foundation's `availableData`, `readDataToEndOfFile()` and `write(_:)` stop the whole test
// process with a fatal error when a signal interrupts the call (EINTR) — and with many child
// processes ending at once, SIGCHLD does. These read and write the descriptor directly and try
// again after an interruption.
extension FileHandle {
    /// The next bytes that arrive; empty at the end of the input.
    public func nextChunk() -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = Glibc.read(fileDescriptor, &buffer, buffer.count)
            if count > 0 { return Data(buffer[..<count]) }
            if count < 0, errno == EINTR { continue }
            return Data()
        }
    }

    /// Everything until the end of the input.
    public func readAll() -> Data {
        var all = Data()
        while true {
            let chunk = nextChunk()
            if chunk.isEmpty { return all }
            all.append(chunk)
        }
    }

    /// Writes all of `data`; stops quietly when the reader is gone.
    public func writeAll(_ data: Data) {
        var bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(fileDescriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR || errno == EAGAIN {
                continue
            } else {
                return
            }
        }
    }
}
