import Foundation
import DialogEngine
public import Twinning
public import TwinLanguage

/// How an `Assistant` behaves beyond its dialogs and its store.
public struct AssistantOptions: Sendable {
    /// The language of participants who did not choose one.
    public var defaultLanguage: Language
    /// Participants with the coordinator role.
    public var coordinators: Set<ParticipantID>

    /// Which studies, positions and target groups matching counts as related (the dialogs
    /// folder's `matching/terms.yaml` added to the built-in table).
    public var relatedTerms: RelatedTerms = DialogLibrary.builtinTerms

    /// How many decoded conversations to keep in memory (0 to keep none).
    public var cachedSessions: Int

    /// The thresholds with which a coordinator's overview in the chat detects bottlenecks
    /// (`bottlenecks:` in the configuration).
    public var bottleneckDetector = BottleneckDetector()

    /// Whether every turn also stores the raw texts — what the participant sent and what was
    /// replied — in the turn's transaction (`conversations.keep_texts`). Off by default: only
    /// the answers are kept.
    public var keepConversationTexts: Bool

    /// Called after a turn that asks for the participant's erasure is committed and before the
    /// erasure runs. For crash tests: `jobtwin` ends the process here when
    /// `JOBTWIN_FAILPOINT=after-erasure-request` is set, to show that the request survives.
    public var afterErasureRequest: (@Sendable () -> Void)?

    /// How long the group commit's writer thread waits for the next turn before it ends
    /// (tests shorten it).
    var writerIdleTimeout: DispatchTimeInterval = .seconds(5)

    /// Creates options.
    public init(defaultLanguage: Language = .default, coordinators: Set<ParticipantID> = [], cachedSessions: Int = 4_000,
                keepConversationTexts: Bool = false) {
        self.defaultLanguage = defaultLanguage
        self.coordinators = coordinators
        self.cachedSessions = cachedSessions
        self.keepConversationTexts = keepConversationTexts
    }
}
