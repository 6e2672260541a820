import Foundation
import DialogEngine
import Twinning
import TwinStore

/// Finds the participant a coordinator means by what they typed: a participant id
/// (`slack:T1:U1`, or a bare `anna` for `repl:anna`) of someone who ever wrote, or else the full
/// name of a profile, without regard to case, accents or punctuation. The anonymous stand-ins of
/// erased people are never found.
enum ParticipantLookup {
    /// What a lookup found.
    enum Outcome: Sendable, Hashable {
        /// Exactly this participant.
        case found(ParticipantID)
        /// Nobody.
        case unknown
        /// Several profiles have that name; the coordinator has to give an id.
        case ambiguous([ParticipantID])
    }

    /// The participant `text` names.
    static func find(_ text: String, in reader: any TwinReader) throws -> Outcome {
        let typed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !typed.isEmpty else { return .unknown }
        // An erased person's stand-in is nobody a coordinator can act on.
        if let id = ParticipantID(typed), !id.isErasedStandIn, try reader.participant(id) != nil { return .found(id) }
        let wanted = TextFolding.fold(typed)
        guard !wanted.isEmpty else { return .unknown }
        let matches = try reader.profiles().filter { TextFolding.fold($0.1.name) == wanted }.map(\.0)
        switch matches.count {
        case 0: return .unknown
        case 1: return .found(matches[0])
        default: return .ambiguous(matches)
        }
    }
}
