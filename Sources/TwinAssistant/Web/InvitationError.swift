import Foundation

/// Why an invitation could not be made, with what to do instead; nothing is stored.
public enum InvitationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name is empty, too long or holds control characters.
    case invalidName(String)
    /// The e-mail address is not one.
    case invalidEmail(String)
    /// The validity is outside 1…365 days.
    case invalidDays(Int)
    /// The participant to revoke has no invitation.
    case notInvited(String)

    /// The longest name accepted.
    public static let maxNameLength = 200

    public var description: String {
        switch self {
        case .invalidName(let name):
            return name.trimmingCharacters(in: .whitespaces).isEmpty
                ? "The name is empty: give the person's name, e.g. \"Anna de Vries\"."
                : "The name is longer than \(Self.maxNameLength) characters or holds control characters: give the person's name as it should be shown."
        case .invalidEmail(let address):
            return "`\(address)` is not an e-mail address: give one like anna@example.org, or leave it out."
        case .invalidDays(let days):
            return "\(days) days is not a validity: give a whole number of days from 1 to 365."
        case .notInvited(let participant):
            return "\(participant) has no invitation link: check the id (web:…, as `jobtwin invite` printed it)."
        }
    }
}
