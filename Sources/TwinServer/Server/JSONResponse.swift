import Foundation
import Hummingbird
import TwinAssistant
import TwinReply

/// Builds JSON responses the same way everywhere: sorted keys (stable output for tests and
/// diffs), slashes unescaped, `application/json; charset=utf-8`.
enum JSONResponse {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A response with `value` as its JSON body. Our values always encode; should one not, the
    /// client gets a plain 500 rather than a half-written body.
    static func make(status: HTTPResponse.Status = .ok, _ value: some Encodable, headers: HTTPFields = [:]) -> Response {
        guard let data = try? encoder.encode(value) else {
            return Response(status: .internalServerError)
        }
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A response with a turn's reply as its body, written by the reply's own fast encoder
    /// (the same bytes the generic encoder would write).
    static func make(_ reply: Reply) -> Response {
        guard let data = try? reply.encodedJSON() else { return Response(status: .internalServerError) }
        return raw(data)
    }

    /// A response with a body that is already JSON.
    static func raw(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
