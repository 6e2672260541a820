import DialogEngine
import TwinReply
import Twinning
import TwinLanguage

// The one place where the dialog engine's output becomes the reply contract.

extension Reply.Message {
    /// The contract's form of a message the engine produced.
    init(_ message: ReplyMessage) {
        self.init(Kind(message.kind), message.text)
    }
}

extension Reply.Message.Kind {
    /// The contract's form of the engine's message kind.
    init(_ kind: MessageKind) {
        switch kind {
        case .info: self = .info
        case .advice: self = .advice
        case .warning: self = .warning
        case .error: self = .error
        case .summary: self = .summary
        }
    }
}

extension Reply.Prompt {
    /// The contract's form of the question the engine asks.
    init(_ prompt: Prompt) {
        self.init(slot: prompt.slot, type: Reply.AnswerType(prompt.type), text: prompt.text, min: prompt.min, max: prompt.max,
                  options: prompt.options?.map { Option(value: $0.value, label: $0.label) }, optional: prompt.optional,
                  minDate: prompt.minDate?.iso, maxDate: prompt.maxDate?.iso,
                  progress: prompt.progress.map { Reply.Progress(number: $0.number, total: $0.total) })
    }
}

extension Reply.AnswerType {
    /// The contract's form of the engine's input type.
    init(_ type: InputType) {
        switch type {
        case .text: self = .text
        case .integer: self = .integer
        case .number: self = .number
        case .date: self = .date
        case .yesno: self = .yesno
        case .choice: self = .choice
        case .multichoice: self = .multichoice
        case .email: self = .email
        }
    }
}

extension Reply {
    /// The reply of a turn whose engine output is `output`, after `before` (notices, notes).
    init(participant: String, before: [Message] = [], output: TurnOutput, phase: Phase, language: Language, turn: Int) {
        self.init(participant: participant, messages: before + output.messages.map(Message.init),
                  prompt: output.prompt.map(Prompt.init), phase: phase, language: language, turn: turn)
    }
}
