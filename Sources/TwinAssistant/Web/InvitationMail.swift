public import Foundation
public import TwinLanguage

/// The e-mail that brings a person their personal link (`jobtwin invite --send`), in their
/// language: who invites them, what Job Twinning's chat is for (or, for a coordinator, that the
/// link opens the coordinator's part), the link, that it is personal, until when it opens, and
/// what to do when the mail is not for them — as plain text and as HTML with every given text
/// escaped.
public struct InvitationMail: Sendable, Hashable {
    /// The subject line.
    public var subject: String
    /// The plain-text body.
    public var text: String
    /// The HTML body: a whole document.
    public var html: String

    /// The mail for `name`, invited by `inviter` (the sender's name; `nil`: the coordinator of
    /// Job Twinning), with `link`, which opens until `expiresAt` (written as a day in `timeZone`).
    public static func compose(name: String, link: String, expiresAt: Date, isCoordinator: Bool, inviter: String?,
                               language: Language, timeZone: TimeZone = .current) -> InvitationMail {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.dateComponents([.year, .month, .day], from: expiresAt)
        let until = language.writtenDate(year: day.year ?? 2000, month: day.month ?? 1, day: day.day ?? 1) ?? ""
        let paragraphs = Self.paragraphs(inviter: inviter, isCoordinator: isCoordinator, until: until)
        let greeting = LocalizedText(nl: "Beste \(name),", en: "Dear \(name),").text(in: language)
        let signed = inviter ?? "Job Twinning"
        let closing = LocalizedText(nl: "Met vriendelijke groet,", en: "Kind regards,").text(in: language)
        let subject = (isCoordinator
            ? LocalizedText(nl: "Je link naar het coördinatorendeel van Job Twinning", en: "Your link to the coordinators' part of Job Twinning")
            : LocalizedText(nl: "Je persoonlijke link voor de chat van Job Twinning", en: "Your personal link to the Job Twinning chat"))
            .text(in: language)

        var text = [greeting, ""]
        for paragraph in paragraphs.before { text += [paragraph.text(in: language), ""] }
        text += [paragraphs.open.text(in: language), link, ""]
        for paragraph in paragraphs.after { text += [paragraph.text(in: language), ""] }
        text += [closing, signed, ""]

        let escapedLink = Self.escaped(link)
        var html = [
            "<!DOCTYPE html>",
            "<html lang=\"\(language.rawValue)\">",
            "<head><meta charset=\"utf-8\"><title>\(Self.escaped(subject))</title></head>",
            "<body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;\">",
            "<p>\(Self.escaped(greeting))</p>",
        ]
        for paragraph in paragraphs.before { html.append("<p>\(Self.escaped(paragraph.text(in: language)))</p>") }
        html.append("<p>\(Self.escaped(paragraphs.open.text(in: language)))<br>")
        html.append("<a href=\"\(escapedLink)\" style=\"color: #0b57d0; font-weight: bold;\">\(escapedLink)</a></p>")
        for paragraph in paragraphs.after { html.append("<p>\(Self.escaped(paragraph.text(in: language)))</p>") }
        html += ["<p>\(Self.escaped(closing))<br>\(Self.escaped(signed))</p>", "</body>", "</html>", ""]
        return InvitationMail(subject: subject, text: text.joined(separator: "\n"), html: html.joined(separator: "\n"))
    }

    /// The paragraphs before the link, the line that introduces it, and those after it.
    private static func paragraphs(inviter: String?, isCoordinator: Bool, until: String)
        -> (before: [LocalizedText], open: LocalizedText, after: [LocalizedText]) {
        // A sender named after the programme itself ("Job Twinning <…>") would read twice.
        let invites: LocalizedText
        if let inviter, !inviter.localizedCaseInsensitiveContains("Job Twinning") {
            invites = LocalizedText(nl: "\(inviter) nodigt je uit voor Job Twinning.", en: "\(inviter) invites you to Job Twinning.")
        } else if let inviter {
            invites = LocalizedText(nl: "\(inviter) nodigt je uit.", en: "\(inviter) invites you.")
        } else {
            invites = LocalizedText(nl: "De coördinator van Job Twinning nodigt je uit.", en: "The Job Twinning coordinator invites you.")
        }
        let programme = LocalizedText(
            nl: "Bij Job Twinning vormen een docent en een professional uit een bedrijf of organisatie ongeveer drie maanden een duo: jullie bezoeken elkaars werk en leren van elkaar.",
            en: "In Job Twinning a teacher and a professional from a company or organisation form a pair for about three months: you visit each other's work and learn from each other.")
        let purpose = isCoordinator
            ? LocalizedText(
                nl: "Met deze link open je het deel van de chat voor coördinatoren: daar volg je de deelnemers en de duo's, stel je koppelingen voor en handel je knelpunten af.",
                en: "This link opens the coordinators' part of the chat: there you follow the participants and the pairs, propose matches and settle bottlenecks.")
            : LocalizedText(
                nl: "In de chat van Job Twinning meld je je aan en vul je je profiel in; daarna helpt de chat je stap voor stap door het programma: de koppeling, de kennismaking, de activiteiten en de afronding.",
                en: "In the Job Twinning chat you sign up and fill in your profile; after that the chat takes you step by step through the programme: the match, getting acquainted, the activities and the closing.")
        let open = LocalizedText(nl: "Open de chat met deze link:", en: "Open the chat with this link:")
        let personal = LocalizedText(
            nl: "De link is persoonlijk: wie hem heeft, kan de chat als jou openen. Stuur hem dus niet door. Hij werkt tot \(until); daarna kun je de coördinator om een nieuwe vragen.",
            en: "The link is personal: whoever has it can open the chat as you, so do not forward it. It works until \(until); after that, ask the coordinator for a new one.")
        let notForYou = LocalizedText(
            nl: "Is deze e-mail niet voor jou bedoeld? Open de link dan niet, verwijder dit bericht en laat het ons weten door op deze e-mail te antwoorden.",
            en: "Is this e-mail not meant for you? Then do not open the link, delete this message, and let us know by replying to this e-mail.")
        return ([invites, programme, purpose], open, [personal, notForYou])
    }

    /// `text` safe inside HTML text and a quoted attribute.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
