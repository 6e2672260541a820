import Foundation
import JobTwinTestSupport
import Testing

/// `jobtwin invite` through the real binary: one link, --json, --csv good and malformed,
/// --revoke, and a missing base URL.
@Suite("jobtwin invite")
struct InviteCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("invite.sqlite") }

    init() throws { folder = try TemporaryFolder() }

    @Test("--json prints one object with the participant and the link; --revoke ends them; both audited")
    func jsonAndRevoke() throws {
        let run = try JobTwinProcess.run(["invite", "Anna de Vries", "--email", "anna@example.org", "--side", "teacher",
                                          "--base-url", "https://twin.example.org/", "--db", db, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String])
        let participant = try #require(object["participant"])
        #expect(participant.hasPrefix("web:"))
        #expect(object["link"]?.hasPrefix("https://twin.example.org/chat/") == true)
        #expect((object["link"]?.count ?? 0) >= "https://twin.example.org/chat/".count + 22)
        let revoke = try JobTwinProcess.run(["invite", "--revoke", participant, "--db", db])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        #expect(revoke.stdout.contains("Revoked 1 link"))
        let audit = try JobTwinProcess.run(["audit", "--db", db])
        #expect(audit.stdout.contains("invite  \(participant)") && audit.stdout.contains("invite.revoke  \(participant)"))
        let unknown = try JobTwinProcess.run(["invite", "--revoke", "web:nobody", "--db", db])
        #expect(unknown.status == 1 && unknown.stderr.contains("no invitation link"))
    }

    @Test("without --base-url or server.public_url it says what to pass")
    func missingBaseURL() throws {
        let run = try JobTwinProcess.run(["invite", "Anna", "--db", db])
        #expect(run.status == 1)
        #expect(run.stderr.contains("--base-url") && run.stderr.contains("server.public_url"))
        let configured = try JobTwinProcess.run(["invite", "Anna", "--db", db], environment: ["JOBTWIN_PUBLIC_URL": "https://pub.example"])
        #expect(configured.status == 0)
        #expect(configured.stdout.hasPrefix("https://pub.example/chat/"))
    }

    @Test("--csv prints the file with a link column; a malformed row is FILE:LINE and nobody is invited")
    func csv() throws {
        let good = folder.path("people.csv")
        try Data("name,email,side\n\"de Vries, Anna\",anna@example.org,teacher\nBram,,professional\n".utf8).write(to: URL(fileURLWithPath: good))
        let run = try JobTwinProcess.run(["invite", "--csv", good, "--base-url", "https://t.example", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.first == "name,email,side,link")
        #expect(run.lines.count == 3)
        #expect(run.lines.dropFirst().first?.hasPrefix("\"de Vries, Anna\",anna@example.org,teacher,https://t.example/chat/") == true)

        let bad = folder.path("bad.csv")
        try Data("name,email,side\nCarl,carl@example.org,teacher\nDora,dora@example.org\n".utf8).write(to: URL(fileURLWithPath: bad))
        let refused = try JobTwinProcess.run(["invite", "--csv", bad, "--base-url", "https://t.example", "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(bad):3:"))
        let side = folder.path("side.csv")
        try Data("name,side\nEva,astronaut\n".utf8).write(to: URL(fileURLWithPath: side))
        let wrongSide = try JobTwinProcess.run(["invite", "--csv", side, "--base-url", "https://t.example", "--db", db])
        #expect(wrongSide.status == 1 && wrongSide.stderr.contains("\(side):2:"))
        let export = try JobTwinProcess.run(["audit", "--db", db])
        #expect(!export.stdout.contains("carl"), "nobody of the malformed file was invited")
        #expect(export.stdout.components(separatedBy: "  invite  ").count - 1 == 2)
    }
}
