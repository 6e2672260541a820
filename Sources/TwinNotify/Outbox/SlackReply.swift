import Foundation
import TwinReply
import TwinRendering
import JSONText
import Twinning
import TwinStore

/// A Slack Events API reply posted with the Web API's `chat.postMessage`: the body, and how to
/// read Slack's answer (which is 200 even for most errors, with `"ok": false`).
public enum SlackReply {
    /// The channel namespace of Events API requests in `processed_requests`.
    public static let requestChannel = "slack-events"

    /// The `source` of the delivery of `request`'s reply.
    static func source(of request: ProcessedRequest) -> String {
        "reply:\(request.participant.description)/\(request.channel)/\(request.requestID)"
    }

    /// Reads the request back from a delivery's source (`reply:PARTICIPANT/CHANNEL/REQUEST`).
    static func request(fromSource source: String) -> (participant: ParticipantID, channel: String, requestID: String)? {
        guard source.hasPrefix("reply:") else { return nil }
        let rest = source.dropFirst("reply:".count)
        // The participant id may contain `:` but not `/`; the request id may contain `/`.
        let parts = rest.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let participant = ParticipantID(String(parts[0])) else { return nil }
        return (participant, String(parts[1]), String(parts[2]))
    }

    /// The `chat.postMessage` body for `request`'s reply: to the participant's direct message
    /// with the app (the user id as channel), as Slack text with the question's buttons.
    static func payload(_ request: ProcessedRequest) -> Data {
        let user = request.participant.platformUser
        let extra: [(String, JSONValue)] = [("channel", .string(user)), ("unfurl_links", false)]
        guard let reply = try? JSONDecoder().decode(Reply.self, from: request.reply) else {
            return JSONValue.object(extra + [("text", "…")]).data()
        }
        return SlackRenderer.message(reply, extra: extra).data()
    }

    /// Slack's Web API errors worth trying again.
    private static let transientErrors: Set<String> = [
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
    ]

    /// Classifies the Web API's answer: HTTP first, then `ok` / `error` in the body.
    static func classify(_ response: OutboundResponse, endpoint: String, now: Date) -> DeliveryOutcome {
        let http = DeliveryOutcome.classify(response, endpoint: endpoint, now: now)
        guard case .delivered(let status) = http else { return http }
        guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            return .retry(reason: "Slack answered \(status) without its JSON: \(response.bodyText(limit: 200))", status: status, after: nil)
        }
        if object["ok"] as? Bool == true { return .delivered(status: status) }
        let error = object["error"] as? String ?? "unknown_error"
        if transientErrors.contains(error) {
            return .retry(reason: "Slack answered \(error)", status: status, after: RetryAfter.seconds(in: response, now: now))
        }
        return .permanent(reason: "Slack refused the reply: \(error); check the bot token (chat:write scope) and that the app is installed in the workspace",
                          status: status)
    }
}
