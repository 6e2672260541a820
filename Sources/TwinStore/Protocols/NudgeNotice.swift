public import Foundation
public import Twinning

/// A coordinator's nudge as each partner of the pair gets it: a notice shown at their next
/// turn, the coordinator's own words framed in both languages. The notification texts of the
/// `coordinator.nudge` event read the words back from it.
public enum NudgeNotice {
    /// The notices' kind.
    public static let kind = "coordinator.nudge"

    private static let prefixNL = "Bericht van de coördinator: "
    private static let prefixEN = "Message from the coordinator: "

    /// The notice for `participant` with the coordinator's `message`.
    public static func notice(for participant: ParticipantID, message: String, at time: Date) -> Notice {
        Notice(participant: participant, kind: kind, nl: prefixNL + message, en: prefixEN + message, createdAt: time)
    }

    /// The coordinator's words in `notice`.
    public static func message(of notice: Notice) -> String {
        notice.nl.hasPrefix(prefixNL) ? String(notice.nl.dropFirst(prefixNL.count)) : notice.nl
    }
}
