import Foundation
import Synchronization
import TwinStore
import TwinConfiguration
import Twinning

/// Posts a direct message of the outbox: on Slack it opens the conversation with the user
/// (`conversations.open`) and posts with `chat.postMessage`; on Mattermost it finds the bot's
/// own user id (`GET /api/v4/users/me`), opens the direct channel (`POST /api/v4/channels/direct`)
/// and creates the post (`POST /api/v4/posts`). The channel ids are remembered for the process's
/// life; every step's failure is classified like any delivery's (429 and 5xx retried, with
/// `Retry-After`).
final class DirectMessageSender: Sendable {
    private let channels: DirectMessageChannels
    private let transport: CurlTransport
    private let slackAPIBaseURL: String
    private let clock: @Sendable () -> Date
    /// Open direct channels by platform and user, and the Mattermost bot's user id.
    private let known = Mutex<(channels: [String: String], mattermostBot: String?)>(([:], nil))

    static let timeout: Double = 10

    /// An id looked up on the platform, or the outcome that ends the attempt.
    private enum Lookup {
        case found(String)
        case failed(DeliveryOutcome)
    }

    init(channels: DirectMessageChannels, transport: CurlTransport, slackAPIBaseURL: String, clock: @escaping @Sendable () -> Date) {
        self.channels = channels
        self.transport = transport
        self.slackAPIBaseURL = slackAPIBaseURL
        self.clock = clock
    }

    /// Sends `delivery`; returns the outcome and the new connections opened.
    func send(_ delivery: Delivery) async -> (DeliveryOutcome, Int) {
        guard var body = (try? JSONSerialization.jsonObject(with: delivery.payload)) as? [String: Any] else {
            return (.permanent(reason: "the stored direct message is not JSON", status: nil), 0)
        }
        var connections = 0
        do {
            if delivery.target == DirectMessageChannels.slackTarget {
                guard let token = channels.slackBotToken else { return (.retry(reason: "no Slack bot token now", status: nil, after: nil), 0) }
                guard let user = body["channel"] as? String else { return (.permanent(reason: "the direct message names no user", status: nil), 0) }
                let channel: String
                switch try await slackChannel(user: user, token: token, connections: &connections) {
                case .found(let id): channel = id
                case .failed(let outcome): return (outcome, connections)
                }
                body["channel"] = channel
                let response = try await transport.send(slackRequest("chat.postMessage", body: body, token: token, key: delivery.idempotencyKey))
                connections += response.newConnections
                return (SlackReply.classify(response, endpoint: "Slack chat.postMessage", now: clock()), connections)
            }
            guard let mattermost = channels.mattermost else { return (.retry(reason: "no Mattermost bot configured now", status: nil, after: nil), 0) }
            guard let user = body["user_id"] as? String else { return (.permanent(reason: "the direct message names no user", status: nil), 0) }
            let channel: String
            switch try await mattermostChannel(user: user, server: mattermost.url, token: mattermost.botToken, connections: &connections) {
            case .found(let id): channel = id
            case .failed(let outcome): return (outcome, connections)
            }
            let post: [String: Any] = ["channel_id": channel, "message": body["message"] ?? "", "props": body["props"] ?? [String: Any]()]
            let response = try await transport.send(Self.request(mattermost.url + "/api/v4/posts", body: post, token: mattermost.botToken,
                                                                      key: delivery.idempotencyKey))
            connections += response.newConnections
            return (DeliveryOutcome.classify(response, endpoint: "Mattermost /api/v4/posts", now: clock()), connections)
        } catch {
            return (DeliveryOutcome.classify(error), connections)
        }
    }

    // MARK: - Slack

    private func slackChannel(user: String, token: Secret, connections: inout Int) async throws(TransportError) -> Lookup {
        if let id = known.withLock({ $0.channels["slack:" + user] }) { return .found(id) }
        let response = try await transport.send(slackRequest("conversations.open", body: ["users": user], token: token, key: nil))
        connections += response.newConnections
        // An app installed before direct messages lacks `im:write`: `chat.postMessage` with the
        // user id as channel still reaches the app's direct message with `chat:write` alone.
        if let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any],
           object["ok"] as? Bool == false, object["error"] as? String == "missing_scope" {
            return .found(user)
        }
        let outcome = SlackReply.classify(response, endpoint: "Slack conversations.open", now: clock())
        guard case .delivered = outcome else { return .failed(outcome) }
        guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any],
              let channel = object["channel"] as? [String: Any], let id = channel["id"] as? String else {
            return .failed(.retry(reason: "Slack conversations.open answered without a channel id", status: response.status, after: nil))
        }
        known.withLock { $0.channels["slack:" + user] = id }
        return .found(id)
    }

    private func slackRequest(_ method: String, body: [String: Any], token: Secret, key: String?) -> OutboundRequest {
        Self.request(slackAPIBaseURL + "/" + method, body: body, token: token, key: key)
    }

    // MARK: - Mattermost

    private func mattermostChannel(user: String, server: String, token: Secret,
                                   connections: inout Int) async throws(TransportError) -> Lookup {
        if let id = known.withLock({ $0.channels["mattermost:" + user] }) { return .found(id) }
        var bot = known.withLock { $0.mattermostBot }
        if bot == nil {
            let response = try await transport.send(OutboundRequest(url: server + "/api/v4/users/me", method: "GET",
                                                                    headers: [HTTPHeader("Authorization", "Bearer \(token.value)")],
                                                                    timeout: Self.timeout, connectTimeout: 5))
            connections += response.newConnections
            switch Self.id(in: response, endpoint: "Mattermost /api/v4/users/me", now: clock()) {
            case .found(let id): bot = id
            case .failed(let outcome): return .failed(outcome)
            }
            known.withLock { $0.mattermostBot = bot }
        }
        guard let bot else { return .failed(.retry(reason: "the Mattermost bot's user id is not known", status: nil, after: nil)) }
        let response = try await transport.send(Self.request(server + "/api/v4/channels/direct", body: [bot, user], token: token, key: nil))
        connections += response.newConnections
        switch Self.id(in: response, endpoint: "Mattermost /api/v4/channels/direct", now: clock()) {
        case .found(let id):
            known.withLock { $0.channels["mattermost:" + user] = id }
            return .found(id)
        case .failed(let outcome):
            return .failed(outcome)
        }
    }

    /// A JSON POST with the bot's token (both platforms take a Bearer token).
    private static func request(_ url: String, body: Any, token: Secret, key: String?) -> OutboundRequest {
        var headers = [HTTPHeader("Content-Type", "application/json; charset=utf-8"), HTTPHeader("Authorization", "Bearer \(token.value)")]
        if let key { headers.append(HTTPHeader("Idempotency-Key", key)) }
        return OutboundRequest(url: url, headers: headers, body: json(body), timeout: timeout, connectTimeout: 5)
    }

    /// The `id` of the object Mattermost answered with, or the outcome of a failed answer.
    private static func id(in response: OutboundResponse, endpoint: String, now: Date) -> Lookup {
        let outcome = DeliveryOutcome.classify(response, endpoint: endpoint, now: now)
        guard case .delivered = outcome else { return .failed(outcome) }
        guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any], let id = object["id"] as? String else {
            return .failed(.retry(reason: "\(endpoint) answered without an id", status: response.status, after: nil))
        }
        return .found(id)
    }

    private static func json(_ value: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: value, options: [.withoutEscapingSlashes, .sortedKeys])) ?? Data("{}".utf8)
    }
}
