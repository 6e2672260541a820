import TwinLanguage
import Foundation
import GRDB
import Testing
import Twinning
@testable import TwinStore

/// The write-ahead log is copied into the database file in the background, restarted under a
/// sustained load so that it stays bounded, and never gets in the way of an erasure.
@Suite("Background WAL checkpoints")
struct WALCheckpointerTests {
    let folder: URL
    let path: String
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("wal.sqlite").path
    }

    /// Settings where only the background checkpointer copies the log: the writer's own
    /// threshold is out of reach.
    private func repository(restartFrames: Int = 1_000_000) throws -> SQLiteRepository {
        try SQLiteRepository(path: path, checkpointing: .init(interval: 0.01, restartFrames: restartFrames, fallbackFrames: 1_000_000))
    }

    private func saveParticipant(_ number: Int, in repository: SQLiteRepository) async throws {
        let id = try #require(ParticipantID("api:p\(number)"))
        try await repository.transaction { [now] tx in
            try tx.save(Participant(id: id, language: .nl, createdAt: now))
        }
    }

    private func waitUntilIdle(_ repository: SQLiteRepository) async throws {
        for _ in 0..<500 where repository.checkpointerIsRunning {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(!repository.checkpointerIsRunning, "the checkpointer thread ends once nothing new is committed")
    }

    /// Participants saved by `saveParticipant`, counted on a connection of the test's own.
    private func savedCount() throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM participants WHERE id LIKE 'api:p%'") ?? 0 }
    }

    private func walSize() -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "-wal")
        return (attributes?[.size] as? Int) ?? 0
    }

    @Test("commits reach the database file itself without any commit checkpointing")
    func copiesInTheBackground() async throws {
        let repository = try repository()
        for number in 0..<40 { try await saveParticipant(number, in: repository) }
        try await waitUntilIdle(repository)

        // A copy of the database file alone, without its log, holds every commit.
        let copy = folder.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let count = try await DatabaseQueue(path: copy).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM participants") }
        #expect(count == 40)
        withExtendedLifetime(repository) {}
    }

    @Test("under a sustained load the log starts afresh instead of growing with every commit")
    func logStaysBounded() async throws {
        let repository = try repository(restartFrames: 64)
        let commits = 1_500
        var largest = 0
        for number in 0..<commits {
            try await saveParticipant(number, in: repository)
            if number % 50 == 0 { largest = max(largest, walSize()) }
        }
        // Every commit adds at least one 4 KiB page to the log; restarted, it holds a few rounds.
        let unbounded = commits * 4_096
        #expect(largest < unbounded / 4, "log reached \(largest) bytes after \(commits) commits")
        try await waitUntilIdle(repository)
        #expect(try savedCount() == commits)
    }

    @Test("an erasure compacts the file while commits and checkpoints go on, in its own repository or in a second one on the file",
          arguments: [false, true])
    func erasureDuringCheckpoints(besideAnotherRepository: Bool) async throws {
        let erasing = try repository(restartFrames: 32)
        // A second repository on the file behaves as another `jobtwin` process would: its own
        // writer and its own checkpointer, which the erasure's gate does not hold back.
        let writing = besideAnotherRepository ? try repository(restartFrames: 32) : erasing
        let anna = try #require(ParticipantID("api:anna"))
        try await erasing.transaction { [now] tx in
            try tx.save(Participant(id: anna, language: .nl, createdAt: now))
        }
        let writer = Task { [self] in
            for number in 0..<600 { try await saveParticipant(number, in: writing) }
        }
        try await Task.sleep(for: .milliseconds(20))
        let erased = try #require(try await erasing.erasePersonalData(of: anna, at: now, followUp: { _, _ in }))
        #expect(erased.compacted, "compaction problem: \(erased.compactionProblem ?? "")")
        try await writer.value
        #expect(try savedCount() == 600)
        #expect(try await erasing.read { try $0.participant(anna) } == nil)
    }
}
