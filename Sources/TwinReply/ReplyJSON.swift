import Twinning
import TwinLanguage
import JSONText
public import Foundation

extension Reply {
    /// The reply as the JSON document of the reply contract (the reply contract) — byte for byte what
    /// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` writes for it.
    ///
    /// Every turn with a request id stores its reply and the JSON channel sends it, so this
    /// is on the hot path; Foundation's generic encoder costs several times more.
    ///
    /// - Throws: `EncodingError.invalidValue` when a prompt limit is not a finite number.
    public func encodedJSON() throws -> Data {
        var out = JSONTextWriter(capacity: 512)
        out.raw("{\"language\":")
        out.string(language.rawValue)
        out.raw(",\"messages\":")
        out.array(messages) { out, message in
            out.raw("{\"kind\":")
            out.string(message.kind.rawValue)
            out.raw(",\"text\":")
            out.string(message.text)
            out.raw("}")
        }
        out.raw(",\"participant\":")
        out.string(participant)
        out.raw(",\"phase\":")
        out.string(phase.rawValue)
        out.raw(",\"prompt\":")
        if let prompt {
            out.raw("{\"max\":")
            try out.number(prompt.max)
            out.raw(",\"max_date\":")
            out.optionalString(prompt.maxDate)
            out.raw(",\"min\":")
            try out.number(prompt.min)
            out.raw(",\"min_date\":")
            out.optionalString(prompt.minDate)
            out.raw(",\"optional\":")
            out.bool(prompt.optional)
            out.raw(",\"options\":")
            if let options = prompt.options {
                out.array(options) { out, option in
                    out.raw("{\"label\":")
                    out.string(option.label)
                    out.raw(",\"value\":")
                    out.string(option.value)
                    out.raw("}")
                }
            } else {
                out.raw("null")
            }
            out.raw(",\"progress\":")
            if let progress = prompt.progress {
                out.raw("{\"number\":\(progress.number),\"total\":\(progress.total)}")
            } else {
                out.raw("null")
            }
            out.raw(",\"slot\":")
            out.string(prompt.slot)
            out.raw(",\"text\":")
            out.string(prompt.text)
            out.raw(",\"type\":")
            out.string(prompt.type.rawValue)
            out.raw("}")
        } else {
            out.raw("null")
        }
        out.raw(",\"turn\":")
        if let turn { out.raw(String(turn)) } else { out.raw("null") }
        out.raw("}")
        return out.data
    }
}
