import Foundation

/// Turns a decoding failure into a sentence an integrator can act on: which field is missing
/// or of the wrong type, or that the body is not the format at all.
enum DecodingProblem {
    /// The 400 for a body that could not be decoded as JSON into the channel's message.
    static func json(_ error: any Error, example: String) -> ServerError {
        .badRequest("malformed_json", describe(error, format: "JSON", example: example))
    }

    /// The 400 for a form body that could not be decoded.
    static func form(_ error: any Error) -> ServerError {
        .badRequest("malformed_form", "The body is not a valid form (application/x-www-form-urlencoded): check its percent-encoding.")
    }

    private static func describe(_ error: any Error, format: String, example: String) -> String {
        guard let error = error as? DecodingError else {
            return "The body is not valid \(format); send an object such as \(example)."
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "`\(path(context.codingPath + [key]))` is missing; send an object such as \(example)."
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return "The body must be a JSON object such as \(example)."
        case .typeMismatch(let type, let context):
            return "`\(path(context.codingPath))` must be \(name(of: type))."
        case .valueNotFound(let type, let context):
            return "`\(path(context.codingPath))` must be \(name(of: type)), not null."
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return "`\(path(context.codingPath))` is not valid: \(context.debugDescription)"
        case .dataCorrupted:
            return "The body is not valid \(format); send an object such as \(example)."
        @unknown default:
            return "The body is not valid \(format); send an object such as \(example)."
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return "an object"
        }
    }
}
