import Testing
import TwinConfiguration
import TwinPostgres

/// `--db postgres://…` as an operator writes it: the parts, the password from `$PGPASSWORD`,
/// and a description that never shows the password.
@Suite("PostgreSQL URLs")
struct PostgresLocationTests {
    @Test("the parts of a full URL; the password is never in the description")
    func fullURL() throws {
        let location = try PostgresLocation(url: "postgres://twin:s3cr%40t@db.example.org:6432/jobtwin?sslmode=require", environment: [:])
        #expect(location.host == "db.example.org" && location.port == 6432 && location.user == "twin" && location.database == "jobtwin")
        #expect(location.password == "s3cr@t")
        #expect(location.tls == .require)
        #expect(location.description == "postgres://twin@db.example.org:6432/jobtwin?sslmode=require")
        #expect(!location.description.contains("s3cr"))
    }

    @Test("defaults: port 5432, sslmode prefer, the database named after the user; the password from $PGPASSWORD")
    func defaults() throws {
        let location = try PostgresLocation(url: "postgresql://twin@localhost", environment: ["PGPASSWORD": "from-env"])
        #expect(location.port == 5432 && location.tls == .prefer && location.database == "twin")
        #expect(location.password == "from-env")
        #expect(location.description == "postgres://twin@localhost:5432/twin")
        let own = try PostgresLocation(url: "postgres://twin:own@localhost/jobtwin", environment: ["PGPASSWORD": "from-env"])
        #expect(own.password == "own", "the URL's own password comes first")
        #expect(try PostgresLocation(url: "postgres://twin@localhost/jobtwin", environment: [:]).password == nil)
    }

    @Test("an IPv6 address: the address alone to connect to, in brackets in the description")
    func ipv6() throws {
        let location = try PostgresLocation(url: "postgres://twin@[::1]:5433/jobtwin", environment: [:])
        #expect(location.host == "::1" && location.port == 5433)
        #expect(location.description == "postgres://twin@[::1]:5433/jobtwin")
    }

    @Test("only postgres:// and postgresql:// name PostgreSQL; anything else is a SQLite path")
    func recognised() {
        #expect(PostgresLocation.isPostgresURL("postgres://a@b/c") && PostgresLocation.isPostgresURL("PostgreSQL://a@b/c"))
        #expect(!PostgresLocation.isPostgresURL("jobtwin.sqlite") && !PostgresLocation.isPostgresURL("/var/lib/postgres/x.sqlite"))
    }

    @Test("what is wrong with a URL is said so that it can be mended", arguments: [
        ("postgres://localhost/jobtwin", PostgresLocationError.missingUser),
        ("postgres://twin@/jobtwin", .missingHost),
        ("postgres://twin@localhost/a/b", .badDatabaseName("a/b")),
        ("postgres://twin@localhost/jobtwin?sslmode=always", .badTLSMode("always")),
        ("postgres://twin@localhost/jobtwin?pool=5", .unknownParameter("pool")),
        ("mysql://twin@localhost/jobtwin", .notAPostgresURL),
        ("postgres://twin@localhost:99999/jobtwin", .badPort(99_999)),
        ("postgres://twin@localhost:0/jobtwin", .badPort(0)),
    ])
    func refused(url: String, error: PostgresLocationError) {
        #expect(throws: error) { try PostgresLocation(url: url, environment: [:]) }
        #expect(error.description.contains("postgres://") || error.description.contains("sslmode"))
    }

    @Test("a server that does not answer: the error names the database, never the password")
    func cannotConnect() async throws {
        // Port 1: nothing listens there.
        let location = try PostgresLocation(url: "postgres://twin:hunter2@127.0.0.1:1/jobtwin?sslmode=disable", environment: [:])
        do throws(PostgresStoreError) {
            _ = try await PostgresConnector(location: location).connect()
            Issue.record("connected to nothing")
        } catch {
            #expect(error.description.contains("postgres://twin@127.0.0.1:1/jobtwin"))
            #expect(!error.description.contains("hunter2"))
        }
    }
}
