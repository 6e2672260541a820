import Foundation
import Synchronization
public import Testing

/// Which store a test's data lives in. The suites that carry the `.onBothStores` trait run
/// every test once on each store this machine has; `TestStoreKind.current` tells the fixtures
/// which one to open.
public enum TestStoreKind: String, Sendable, CaseIterable {
    /// A SQLite file in a temporary folder, the embedded default.
    case sqlite
    /// A database of its own on the test server that `JOBTWIN_TEST_POSTGRES_URL` names.
    case postgres

    /// The store the running test opens; SQLite unless a trait or `JOBTWIN_TEST_STORE` says
    /// otherwise.
    @TaskLocal public static var current: TestStoreKind = chosen.first ?? .sqlite

    /// The stores a test on both stores runs on: `JOBTWIN_TEST_STORE=sqlite|postgres` picks one
    /// (to look into a failure on one store); otherwise SQLite, and PostgreSQL too when a test
    /// server is given.
    public static let chosen: [TestStoreKind] = {
        if let named = ProcessInfo.processInfo.environment["JOBTWIN_TEST_STORE"].flatMap(TestStoreKind.init(rawValue:)) {
            return [named]
        }
        return PostgresTestServer.url == nil ? [.sqlite] : [.sqlite, .postgres]
    }()
}

/// Runs each test of a suite on every store of `TestStoreKind.chosen`, one after the other,
/// with `TestStoreKind.current` set for each run — so that the Assistant's tests and the
/// repository's tests show the two stores behave alike without every test saying so.
///
/// A failure is reported once, for the test; the message of a thrown error names the store.
/// Without a PostgreSQL server the tests run on SQLite alone, and the first of them records a
/// warning saying how to include PostgreSQL.
public struct BothStoresTrait: SuiteTrait, TestTrait, TestScoping {
    /// On every test of the suite. Swift Testing then asks for the scope once per test case,
    /// never for the suite itself, so each test case runs once per store.
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        if !TestStoreKind.chosen.contains(.postgres) { TestStoreKind.warnOnceWithoutPostgres() }
        for kind in TestStoreKind.chosen {
            do {
                try await TestStoreKind.$current.withValue(kind) { try await function() }
            } catch {
                throw TestFailure("on \(kind.rawValue): \(error)")
            }
        }
    }
}

extension Trait where Self == BothStoresTrait {
    /// Every test runs on SQLite and, when a test server is given, on PostgreSQL.
    public static var onBothStores: BothStoresTrait { BothStoresTrait() }
}

extension TestStoreKind {
    private static let warned = Mutex(false)

    fileprivate static func warnOnceWithoutPostgres() {
        guard ProcessInfo.processInfo.environment["JOBTWIN_TEST_STORE"] == nil,
              warned.withLock({ done in defer { done = true }; return !done }) else { return }
        Issue.record("""
            these tests ran on SQLite only: no PostgreSQL server is given. Set JOBTWIN_TEST_POSTGRES_URL to run them on \
            PostgreSQL too, e.g. export JOBTWIN_TEST_POSTGRES_URL=$(scripts/postgres-test-server start /tmp/jobtwin-pg)
            """, severity: .warning)
    }
}
