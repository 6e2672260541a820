import Foundation
import JobTwinTestSupport
import Testing
import Twinning
@testable import TwinServer

/// The signature checks on their own, with Slack's published example and a Teams token of our
/// own.
@Suite("Signatures")
struct SignatureTests {
    static let slackBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    static let slackSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
    static let slackTimestamp = "1531420618"

    private func slackVerifier(at seconds: TimeInterval) -> SlackSignatureVerifier {
        SlackSignatureVerifier(signingSecret: ServerFixture.slackSecret, clock: ManualClock(Date(timeIntervalSince1970: seconds)))
    }

    @Test("Slack's published signing example verifies")
    func slackPublishedExample() {
        let verifier = slackVerifier(at: 1_531_420_618 + 30)
        #expect(verifier.isValid(signature: Self.slackSignature, timestamp: Self.slackTimestamp, body: Array(Self.slackBody.utf8)))
    }

    @Test("a Slack timestamp more than five minutes off is refused, either way")
    func slackStale() {
        #expect(slackVerifier(at: 1_531_420_618 + 300).isValid(signature: Self.slackSignature, timestamp: Self.slackTimestamp, body: Array(Self.slackBody.utf8)))
        #expect(!slackVerifier(at: 1_531_420_618 + 301).isValid(signature: Self.slackSignature, timestamp: Self.slackTimestamp, body: Array(Self.slackBody.utf8)))
        #expect(!slackVerifier(at: 1_531_420_618 - 301).isValid(signature: Self.slackSignature, timestamp: Self.slackTimestamp, body: Array(Self.slackBody.utf8)))
    }

    @Test("a tampered body, timestamp, signature or secret fails Slack's check", arguments: [
        ("body", 0), ("timestamp", 1), ("signature", 2), ("secret", 3), ("missing", 4), ("not hex", 5), ("version", 6),
    ])
    func slackTampered(_ what: String, _ variant: Int) {
        var body = Self.slackBody
        var timestamp: String? = Self.slackTimestamp
        var signature: String? = Self.slackSignature
        var secret = ServerFixture.slackSecret
        switch variant {
        case 0: body = body.replacingOccurrences(of: "text=", with: "text=x")
        case 1: timestamp = "1531420619"
        case 2: signature = "v0=b" + Self.slackSignature.dropFirst(4)
        case 3: secret = "8f742231b10e8888abcd99yyyzzz85a6"
        case 4: signature = nil
        case 5: signature = "v0=zz" + Self.slackSignature.dropFirst(5)
        default: signature = "v1=" + Self.slackSignature.dropFirst(3)
        }
        let verifier = SlackSignatureVerifier(signingSecret: secret, clock: ManualClock(Date(timeIntervalSince1970: 1_531_420_618)))
        #expect(!verifier.isValid(signature: signature, timestamp: timestamp, body: Array(body.utf8)), "\(what)")
    }

    @Test("a Teams HMAC over the raw body with the decoded token verifies; anything else does not")
    func teams() throws {
        let body = Data(#"{"type":"message","id":"1","text":"<at>JobTwin</at> hallo","from":{"id":"29:abc"}}"#.utf8)
        let verifier = try #require(TeamsSignatureVerifier(securityToken: ServerFixture.teamsToken))
        let header = Signing.teams(body, token: ServerFixture.teamsToken)
        #expect(verifier.isValid(authorization: header, body: body))
        #expect(verifier.isValid(authorization: "hmac " + header.dropFirst(5), body: body))

        var tampered = body
        tampered[tampered.count - 3] = UInt8(ascii: "x")
        #expect(!verifier.isValid(authorization: header, body: tampered))
        let otherToken = Data(repeating: 1, count: 32).base64EncodedString()
        #expect(!verifier.isValid(authorization: Signing.teams(body, token: otherToken), body: body))
        #expect(!verifier.isValid(authorization: nil, body: body))
        #expect(!verifier.isValid(authorization: "Bearer " + header.dropFirst(5), body: body))
        #expect(!verifier.isValid(authorization: "HMAC not-base64!", body: body))
        #expect(TeamsSignatureVerifier(securityToken: "not base64 at all!") == nil)
    }

    @Test("tokens compare equal only when equal, whatever their lengths")
    func tokens() {
        #expect(SecretComparison.matches("abc", "abc"))
        #expect(!SecretComparison.matches("abd", "abc"))
        #expect(!SecretComparison.matches("ab", "abc"))
        #expect(!SecretComparison.matches("", "abc"))
        #expect(SecretComparison.matchesAny("two", ["one", "two"]))
        #expect(!SecretComparison.matchesAny("three", ["one", "two"]))
        #expect(!SecretComparison.matchesAny("x", []))
    }
}
