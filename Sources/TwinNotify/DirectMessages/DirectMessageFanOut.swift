import Foundation
import JSONText
import Twinning
import TwinStore
import TwinLanguage
import TwinRendering
import TwinConfiguration

/// Turns programme events into direct messages, in the fan-out's transaction: one delivery per
/// event and participant who should hear of it — on a channel with a bot, not erased, with
/// consent for processing, and who did not switch them off — under a stable key, held until the
/// quiet hours end.
struct DirectMessageFanOut {
    /// The outbox cursor of this fan-out.
    static let cursor = "direct_messages"

    let channels: DirectMessageChannels

    /// Events older than this are no news any more (the worker was down a long time): the
    /// participant sees them at their next turn, without a message now.
    static let maximumAge: TimeInterval = 2 * 86_400

    /// The deliveries for `events`, read with `tx`.
    func deliveries(for events: [StoredEvent], now: Date, tx: any TwinTransaction, cache: inout EventContext.Cache) throws -> [NewDelivery] {
        var deliveries: [NewDelivery] = []
        let sendAt = channels.settings.quietHours.nextAllowed(after: now)
        for stored in events where now.timeIntervalSince(stored.event.occurredAt) <= Self.maximumAge {
            let event = stored.event
            // Each participant read once per event: for the plan (their phase) and the checks.
            var people: [ParticipantID: Participant?] = [:]
            func participant(_ id: ParticipantID) throws -> Participant? {
                if let known = people[id] { return known }
                let read = try tx.participant(id)
                people[id] = read
                return read
            }
            for id in event.participants { _ = try participant(id) }
            guard let plans = DirectMessagePlan.plan(for: event, phaseOf: { people[$0]??.phase }) else { continue }
            let context = try EventContext.load(for: event, from: tx, cache: &cache)
            for plan in plans {
                var recipients = plan.recipients
                if event.kind == .bottleneckFlagged, let pair = context.pair { recipients = [pair.teacher, pair.professional] }
                for recipient in recipients {
                    guard let target = channels.target(for: recipient), !recipient.isErasedStandIn,
                          let participant = try participant(recipient),
                          try tx.hasConsent(.processing, of: recipient), try tx.allowsDirectMessages(recipient) else { continue }
                    let language = participant.language
                    let payload = self.payload(target: target, recipient: recipient, language: language,
                                               text: DirectMessageText.text(event, for: recipient, context: context, in: language),
                                               start: plan.start)
                    let key = "dm:\(stored.id):\(recipient.description)"
                    deliveries.append(NewDelivery(source: key, eventID: stored.id, target: target, kind: "dm." + event.kind.rawValue,
                                                  idempotencyKey: key, payload: payload.data(), orderingKey: "dm:" + recipient.description,
                                                  createdAt: now, notBefore: sendAt))
                }
            }
        }
        return deliveries
    }

    /// The stored body: for Slack the `chat.postMessage` body with the user as `channel` (the
    /// sender opens the direct message and puts its id there); for Mattermost the post with the
    /// user as `user_id` (the sender opens the direct channel).
    private func payload(target: String, recipient: ParticipantID, language: Language, text: String,
                         start: DirectMessagePlan.Start?) -> JSONValue {
        let user = recipient.platformUser
        let footer = DirectMessageText.footer(in: language)
        let button = start.map { (label: $0.label.text(in: language), option: $0.option, slot: DirectMessagePlan.menuSlot) }
        if target == DirectMessageChannels.slackTarget {
            return SlackRenderer.start(text: text, footer: footer, start: button, owner: user, extra: [("channel", .string(user))])
        }
        let buttons = channels.mattermostButtons.map {
            MattermostRenderer.Buttons(actionURL: $0.actionURL, participant: recipient.description, token: $0.token)
        }
        let post = MattermostRenderer.start(text: text, footer: footer, start: button, buttons: buttons)
        return .object([("user_id", .string(user)), ("message", .string(post.message)), ("props", post.props)])
    }
}

extension DirectMessageFanOut {
    /// The participant a direct message's delivery is for, read from its source
    /// (`dm:EVENT:PARTICIPANT`); `nil` for any other delivery.
    static func recipient(of delivery: Delivery) -> ParticipantID? {
        guard delivery.source.hasPrefix("dm:") else { return nil }
        let parts = delivery.source.split(separator: ":", maxSplits: 2)
        guard parts.count == 3 else { return nil }
        return ParticipantID(String(parts[2]))
    }
}
