import DialogEngine
import Foundation
import Twinning
import TwinStore

/// What a turn stores: the encoded conversation state and the answers it changed, encoded
/// before the write transaction starts so that the transaction itself stays short.
struct TurnRecord {
    let state: Data
    let answers: [String: String?]

    init(state: SessionState, output: TurnOutput) throws {
        self.state = try state.encodedJSON()
        var answers: [String: String?] = [:]
        for slot in output.changedSlots {
            if let value = state.slots[slot] {
                answers[slot] = String(decoding: try value.encodedJSON(), as: UTF8.self)
            } else {
                answers[slot] = .some(nil)
            }
        }
        self.answers = answers
    }

    func save(for id: ParticipantID, turns: Int, at now: Date, in tx: any TwinTransaction) throws {
        try tx.saveSession(StoredSession(participant: id, state: state, turns: turns, updatedAt: now))
        if !answers.isEmpty { try tx.saveAnswers(answers, for: id, at: now) }
    }
}
