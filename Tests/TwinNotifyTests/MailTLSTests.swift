import Testing
import TwinConfiguration

/// When the SMTP connection must be encrypted: a password never goes out in clear to a server
/// elsewhere, whatever the server offers.
@Suite("Mail: when TLS is required")
struct MailTLSTests {
    static func settings(_ url: String, login: Bool) -> MailSettings {
        var settings = MailSettings()
        settings.smtpURL = url
        if login {
            settings.user = Secret("coordinator", source: "$JOBTWIN_SMTP_USER")
            settings.password = Secret("s3cret", source: "$JOBTWIN_SMTP_PASSWORD")
        }
        return settings
    }

    @Test("smtps:// always; smtp:// with a login to another machine; not without a login or on loopback")
    func required() {
        #expect(Self.settings("smtps://mail.example.org:465", login: false).requiresTLS)
        #expect(Self.settings("smtp://mail.example.org:587", login: true).requiresTLS, "STARTTLS required, not tried")
        #expect(!Self.settings("smtp://mail.example.org:587", login: false).requiresTLS, "nothing secret to send: tried")
        #expect(!Self.settings("smtp://127.0.0.1:2525", login: true).requiresTLS, "a relay on this machine")
        #expect(!Self.settings("smtp://localhost:25", login: true).requiresTLS)
    }
}
