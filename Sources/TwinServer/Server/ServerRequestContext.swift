import Logging
public import Hummingbird
import Twinning
import Synchronization

/// The request context of `jobtwin serve`: Hummingbird's core context plus notes that a channel
/// leaves for the access log (whose message it was), read by `RequestObserver` once the
/// response is made.
public struct ServerRequestContext: RequestContext {
    /// What Hummingbird itself keeps per request.
    public var coreContext: CoreRequestContextStorage
    /// What the channel learnt about the request.
    let notes = RequestNotes()
    /// The id of the request in logs and the `X-Request-ID` header: Hummingbird's, when its
    /// logger carries it. (Hummingbird's own `context.id` traps when a log handler keeps no
    /// metadata, so it is not used.)
    let requestID: String

    /// Creates the context of one request; Hummingbird calls it.
    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        requestID = source.logger[metadataKey: "hb.request.id"]?.description ?? Hummingbird.RequestID().description
    }
}

/// What a channel learnt while handling a request, for the log line and the metrics.
final class RequestNotes: Sendable {
    private let participant = Mutex<ParticipantID?>(nil)

    /// The participant, once the request was verified and parsed.
    var participantID: ParticipantID? {
        get { participant.withLock { $0 } }
        set { participant.withLock { $0 = newValue } }
    }

    /// The hashed participant id for the logs; hashed only when a line is actually written.
    var participantHash: String? {
        participantID.map(ParticipantHash.of)
    }
}
