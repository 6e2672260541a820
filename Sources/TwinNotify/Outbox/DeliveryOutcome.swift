public import Foundation

/// What an attempt came to, and so what the outbox does next.
public enum DeliveryOutcome: Sendable, Hashable {
    /// The receiver accepted the message.
    case delivered(status: Int)
    /// Worth trying again: after `after` seconds when the receiver said so, else after the
    /// backoff.
    case retry(reason: String, status: Int?, after: Double?)
    /// Trying again cannot help (a 4xx other than 408 and 429, a URL that cannot work).
    case permanent(reason: String, status: Int?)
    /// Not to be sent after all, on purpose (not a failure): the participant said no since.
    case skipped(reason: String)

    /// Classifies a webhook's answer: any 2xx is success; 429 waits as asked; 408 and 5xx are
    /// retried (honouring `Retry-After` too); everything else is permanent.
    public static func classify(_ response: OutboundResponse, endpoint: String, now: Date) -> DeliveryOutcome {
        let status = response.status
        if response.isSuccess { return .delivered(status: status) }
        let answer = response.body.isEmpty ? "" : ": \(response.bodyText(limit: 200))"
        switch status {
        case 429:
            return .retry(reason: "\(endpoint) answered 429 Too Many Requests\(answer)", status: status,
                          after: RetryAfter.seconds(in: response, now: now))
        case 408, 500...599:
            return .retry(reason: "\(endpoint) answered \(status)\(answer)", status: status,
                          after: RetryAfter.seconds(in: response, now: now))
        case 300..<400:
            return .permanent(reason: "\(endpoint) answered \(status) (a redirect, which is not followed); put the final webhook URL in the configuration",
                              status: status)
        default:
            return .permanent(reason: "\(endpoint) refused the message with \(status)\(answer); check the webhook URL and the target's format",
                              status: status)
        }
    }

    /// Classifies an SMTP server's answer (`server` as it may be shown): 2xx is sent; 4xx (busy,
    /// greylisting, mailbox full for now) is tried again; 5xx is permanent.
    public static func classifyMail(_ response: OutboundResponse, server: String) -> DeliveryOutcome {
        let status = response.status
        let words = response.body.isEmpty ? "" : " (\(response.bodyText(limit: 200)))"
        switch status {
        case 200..<400:
            return .delivered(status: status)
        case 400..<500:
            return .retry(reason: "\(server) answered \(status)\(words): the server cannot take the mail now", status: status, after: nil)
        case 530, 534, 535, 538:
            return .permanent(reason: "\(server) refused the login with \(status)\(words); check $JOBTWIN_SMTP_USER and $JOBTWIN_SMTP_PASSWORD",
                              status: status)
        default:
            return .permanent(reason: "\(server) refused the mail with \(status)\(words); check the e-mail address and `mail.from`",
                              status: status)
        }
    }

    /// Classifies a transport failure: only a URL that can never work is permanent.
    public static func classify(_ error: TransportError) -> DeliveryOutcome {
        error.isTransient ? .retry(reason: error.description, status: nil, after: nil) : .permanent(reason: error.description, status: nil)
    }
}
