import UnixSignals
public import Foundation
public import Hummingbird
public import Logging
import NIOCore
public import ServiceLifecycle
public import Twinning
public import TwinAssistant
import TwinReply
public import TwinConfiguration
import TwinRendering

/// `jobtwin serve`: the webhook listener. It builds a Hummingbird application whose routes are
/// thin channel adapters — parse and verify the platform's request, hand the message to the
/// one `Assistant`, render the reply in the platform's format — plus health, readiness and
/// metrics endpoints.
///
/// A channel without its secret is not routed at all, so its path answers 404. Every request
/// body is capped (413); credentials are checked before a turn runs (401); each participant is
/// rate-limited (429); the turn is committed before the response is written. On SIGTERM or
/// SIGINT the server stops accepting connections and finishes the requests in flight.
public struct JobTwinServer: Sendable {
    /// The assistant every channel hands its messages to.
    public let assistant: Assistant
    /// Where to listen and what to accept.
    public let settings: ServerSettings
    /// The channels' secrets.
    public let channels: ChannelSettings
    /// What the server counted, as shown at `/metrics`.
    public let metrics = ServerMetrics()
    /// How replies that come after a platform's deadline are delivered.
    public let lateReplies: LateReplyOptions
    /// The web chat's invitation links and browser sessions; `nil` when the web is off.
    public let invitations: Invitations?

    private let clock: any WallClock
    private let logger: Logger
    private let limiter: RateLimiter
    private let lateTurns = LateTurns()

    /// How long the ids of answered requests are remembered for recognising repeats.
    public static let requestRetention: TimeInterval = 24 * 60 * 60

    /// Creates a server; nothing listens until `run` (or the application is run).
    ///
    /// - Parameters:
    ///   - clock: the time for Slack's timestamp check, the rate limit and the request ids'
    ///     retention; tests inject a `ManualClock`.
    ///   - lateReplies: what posts a slash command's reply to its `response_url` when the turn
    ///     outlasts `settings.slackReplyDeadline`, and which URLs it may post to.
    ///   - invitations: the web chat's links and sessions, served under `/chat`; `nil` serves no web chat.
    public init(assistant: Assistant, settings: ServerSettings, channels: ChannelSettings,
                clock: any WallClock = SystemClock(), logger: Logger = Logger(label: "jobtwin.serve"),
                lateReplies: LateReplyOptions = LateReplyOptions(), invitations: Invitations? = nil) {
        self.assistant = assistant
        self.invitations = invitations
        self.lateReplies = lateReplies
        self.settings = settings
        self.channels = channels
        self.clock = clock
        self.logger = logger
        self.limiter = RateLimiter(settings: settings.rateLimit, clock: clock)
    }

    /// Runs until SIGTERM or SIGINT, then shuts down gracefully. `onRunning` gets the bound
    /// port once the server accepts connections (the real one when the settings say 0);
    /// `services` run alongside and stop with it (the notification worker).
    public func run(services: [any Service] = [], onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(services: services, onRunning: onRunning).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// The Hummingbird application, as a `Service` to run in a `ServiceGroup` (tests stop it
    /// with the group's graceful shutdown).
    public func application(services: [any Service] = [],
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let pruner = ProcessedRequestPruner(assistant: assistant, clock: clock,
                                            retention: Self.requestRetention, interval: .seconds(600), logger: logger)
        let logger = self.logger
        return Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port)),
            services: [pruner, lateTurns] + services,
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.notice("listening", metadata: ["address": "\(channel.localAddress?.description ?? "?")"])
                await onRunning(port)
            },
            logger: logger
        )
    }

    /// The routes of the configured channels, behind the observing middleware.
    func makeRouter() -> Router<ServerRequestContext> {
        let body = BodyReader(limit: settings.maxBodyBytes)
        let turns = TurnTaker(assistant: assistant, limiter: limiter, metrics: metrics, logger: logger, lateTurns: lateTurns)
        let health = HealthEndpoints(assistant: assistant, metrics: metrics)

        var table = RouteTable()
        var routes: [(String, HTTPRequest.Method, @Sendable (Request, ServerRequestContext) async throws -> Response)] = []
        func add(_ path: String, _ method: HTTPRequest.Method, _ channel: String,
                 _ handler: @escaping @Sendable (Request, ServerRequestContext) async throws -> Response) {
            table.add(path, method, channel: channel)
            routes.append((path, method, handler))
        }

        add("/healthz", .get, "health", health.healthz)
        add("/readyz", .get, "health", health.readyz)
        add("/metrics", .get, "metrics", health.metrics)
        if let token = channels.apiToken {
            let api = GenericJSONChannel(token: BearerToken(secret: token), body: body, turns: turns)
            add(GenericJSONChannel.path, .post, "api", api.handle)
        }
        if let secret = channels.slackSigningSecret {
            let verifier = SlackSignatureVerifier(signingSecret: secret.value, clock: clock)
            let commands = SlackCommandsChannel(verifier: verifier, body: body, turns: turns, deadline: settings.slackReplyDeadline,
                                                lateReplies: lateReplies, metrics: metrics, logger: logger)
            let events = SlackEventsChannel(verifier: verifier, body: body, turns: turns, logger: logger)
            let interactions = SlackInteractionsChannel(verifier: verifier, body: body, turns: turns, lateReplies: lateReplies,
                                                        lateTurns: lateTurns, deadline: settings.slackReplyDeadline,
                                                        metrics: metrics, logger: logger)
            add(SlackCommandsChannel.path, .post, "slack", commands.handle)
            add(SlackEventsChannel.path, .post, "slack", events.handle)
            add(SlackInteractionsChannel.path, .post, "slack", interactions.handle)
        }
        let actionToken = channels.mattermostActionKey.map(ActionToken.init(secret:))
        let actionURL = settings.publicURL.map { $0 + MattermostActionsChannel.path }
        if !channels.mattermostTokens.isEmpty {
            let buttons = actionToken.flatMap { token in actionURL.map { ($0, token) } }
            let mattermost = MattermostChannel(tokens: channels.mattermostTokens, body: body, turns: turns, buttons: buttons)
            add(MattermostChannel.path, .post, "mattermost", mattermost.handle)
        }
        // The buttons of slash-command answers and of the bot's direct messages call back here.
        if let actionToken, !channels.mattermostTokens.isEmpty || channels.mattermostBotToken != nil {
            let actions = MattermostActionsChannel(token: actionToken, actionURL: actionURL, body: body, turns: turns)
            add(MattermostActionsChannel.path, .post, "mattermost", actions.handle)
        }
        // The key was checked when the configuration was read; a bad one leaves Teams unserved.
        if let key = channels.teamsKey, !key.isEmpty {
            let teams = TeamsChannel(verifier: TeamsSignatureVerifier(key: key), body: body, turns: turns,
                                     deadline: settings.teamsReplyDeadline)
            add(TeamsChannel.path, .post, "teams", teams.handle)
        }

        // The web chat: invitation links, the browser session, the chat page and its assets, signing out.
        var tokenRoute: (@Sendable (Request, ServerRequestContext) async throws -> Response)?
        if let invitations {
            let secure = settings.publicURL?.hasPrefix("https://") ?? false
            let publicOrigin = InvitationEndpoints.origin(of: settings.publicURL)
            let recent = RecentSessions()
            let web = InvitationEndpoints(invitations: invitations, recent: recent, cookie: SessionCookie(secure: secure), body: body,
                                          logger: logger, publicOrigin: publicOrigin)
            let chat = ChatEndpoints(invitations: invitations, assistant: assistant, turns: turns, body: body,
                                     flash: ChatFlash(), recent: recent, logger: logger, publicOrigin: publicOrigin)
            add(InvitationEndpoints.chatPath, .get, "web", chat.page)
            add(InvitationEndpoints.chatPath, .post, "web", chat.post)
            add(ChatEndpoints.assetsPath, .get, "web", { request, context in chat.asset(request, context: context) })
            add(InvitationEndpoints.logoutPath, .post, "web", web.logout)
            add(InvitationEndpoints.logoutPath, .get, "web", { request, context in web.signedOut(request, context: context) })
            let coordinator = CoordinatorEndpoints(invitations: invitations, pages: assistant.coordinatorPages, logger: logger)
            add(CoordinatorPage.path, .get, "web", coordinator.overview)
            add(CoordinatorEndpoints.reportRoute, .get, "web", coordinator.report)
            table.add(prefix: InvitationEndpoints.chatPath + "/", .get, channel: "web")
            tokenRoute = web.open
        }

        let router = Router(context: ServerRequestContext.self)
        // Middleware applies to the routes added after it, and to unmatched requests.
        router.add(middleware: RequestObserver(routes: table, metrics: metrics, logger: logger))
        for (path, method, handler) in routes {
            router.on(RouterPath(path), method: method) { request, context in try await handler(request, context) }
        }
        if let tokenRoute {
            router.on("/chat/:token", method: .get) { request, context in try await tokenRoute(request, context) }
        }
        return router
    }
}
