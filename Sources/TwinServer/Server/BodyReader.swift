import Hummingbird
import NIOCore

/// Reads a request body up to the configured limit, before anything looks at it.
struct BodyReader: Sendable {
    /// The largest body accepted, in bytes.
    let limit: Int

    /// The whole body. A declared `Content-Length` over the limit is refused before reading;
    /// a body that turns out longer is refused as soon as it passes the limit.
    ///
    /// - Throws: `ServerError` 413.
    func collect(_ request: Request) async throws(ServerError) -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw .tooLarge(limit: limit)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw .tooLarge(limit: limit)
        } catch {
            throw .badRequest("unreadable_body", "The request body could not be read completely; send it again.")
        }
    }

    /// The body as UTF-8 text.
    ///
    /// - Throws: `ServerError` 413, or 400 when it is not UTF-8.
    func text(_ request: Request) async throws(ServerError) -> String {
        try Self.utf8(try await collect(request))
    }

    /// `buffer` as UTF-8 text (read after a signature over the raw bytes was checked).
    ///
    /// - Throws: `ServerError` 400 when it is not UTF-8.
    static func utf8(_ buffer: ByteBuffer) throws(ServerError) -> String {
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else { throw .invalidUTF8 }
        return text
    }
}
