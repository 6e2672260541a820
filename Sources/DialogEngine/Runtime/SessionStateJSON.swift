import TwinLanguage
import JSONText
public import Foundation

extension SessionState {
    /// The state as JSON — the same document `JSONEncoder` (with sorted keys) writes for it,
    /// which `JSONDecoder` reads back — written directly into bytes.
    ///
    /// Every turn stores its participant's whole state, so encoding it is on the hot path of
    /// the assistant; Foundation's generic encoder takes several times longer for the same bytes.
    ///
    /// - Throws: `EncodingError.invalidValue` for a number that is not finite, as `JSONEncoder` does.
    public func encodedJSON() throws -> Data {
        var out = JSONTextWriter(capacity: 2048)
        out.raw("{\"answered\":\(answered),\"attempts\":\(attempts),\"awaiting\":")
        out.string(awaiting.rawValue)
        out.raw(",\"isPaused\":\(isPaused),\"language\":")
        out.string(language.rawValue)
        out.raw(",\"slots\":")
        try out.values(slots)
        out.raw(",\"stack\":")
        out.frames(stack)
        out.raw(",\"undo\":[")
        for (index, record) in undo.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"previous\":")
            try out.values(record.previous)
            out.raw(",\"stack\":")
            out.frames(record.stack)
            out.raw("}")
        }
        out.raw("]}")
        return out.data
    }
}

/// The parts of the state document the generic writer does not know.
extension JSONTextWriter {
    /// The dialog stack's frames.
    mutating func frames(_ frames: [Frame]) {
        raw("[")
        for (index, frame) in frames.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"dialog\":")
            string(frame.dialog)
            if let returnAfter = frame.returnAfter {
                raw(",\"returnAfter\":")
                string(returnAfter)
            }
            raw(",\"step\":")
            string(frame.step)
            raw("}")
        }
        raw("]")
    }
}
