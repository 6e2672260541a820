public import TwinConfiguration
public import TwinLanguage

extension JobTwinConfiguration {
    /// The assistant's options as this configuration sets them: the default language (or
    /// `language` instead), the coordinators, whether raw texts are kept, and the bottleneck
    /// thresholds.
    public func assistantOptions(language: Language? = nil) -> AssistantOptions {
        var options = AssistantOptions(defaultLanguage: language ?? self.language, coordinators: coordinators,
                                       keepConversationTexts: conversations.keepTexts)
        options.bottleneckDetector = bottlenecks.detector
        return options
    }
}
