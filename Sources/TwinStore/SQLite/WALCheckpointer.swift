import Foundation
import GRDB
import Synchronization

/// Checkpoints the write-ahead log on a thread and a connection of its own, so that the one
/// SQLite writer does not stop to do it.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold: that commit
/// copies a thousand pages into the database file while every other turn waits behind it.
/// Under `serve`'s load that was about 15 stalls of 10 ms a second — a sixth of the writer's
/// time and the cause of most slow replies. Here a second connection copies the log in the
/// background with PASSIVE checkpoints, which never block the writer.
///
/// A log that is copied while it grows is never copied to its end, and SQLite writes it from
/// its beginning again only then. Under a light load a round catches up by itself. Under a
/// sustained one, once the log has grown past `restartFrames`, the round ends with one more
/// passive checkpoint run on the writer's own connection between two of its transactions: it
/// copies only what was committed during the round, and the next transaction starts the log
/// afresh, so the file stays bounded. That checkpoint, the only one to reach the end of the
/// log, is also the one that syncs the database file; the round syncs the file just before, so
/// that the writer waits only for the last few pages. (A RESTART checkpoint
/// from the second connection would need a pause in the writer's work, which under load never
/// comes.)
///
/// The thread runs only while there are commits to checkpoint: the first commit after a quiet
/// spell starts it, and it ends after a round with nothing new. The writer keeps an automatic
/// threshold of its own far beyond `restartFrames`, in case this thread cannot keep up.
final class WALCheckpointer: Sendable {
    private struct State {
        var dirty = false
        var running = false
        var stopped = false
    }

    private let path: String
    private let interval: TimeInterval
    private let restartFrames: Int
    /// Runs a passive checkpoint on the writer's connection, between its transactions.
    private let checkpointOnWriter: @Sendable () throws -> Void
    private let state = Mutex(State())
    /// The checkpointer's own connection (opened by its first round), held during every
    /// background round. Maintenance that needs the log to itself (the erasure's truncating
    /// checkpoint and VACUUM) holds it too: a second checkpoint running at the same time would
    /// make it fail with SQLITE_BUSY.
    let gate = Mutex<DatabaseQueue?>(nil)

    /// - Parameters:
    ///   - path: the database file.
    ///   - interval: how long a round waits for more commits before it copies them.
    ///   - restartFrames: the log size, in pages, from which a round makes the log start afresh.
    ///   - checkpointOnWriter: runs a passive checkpoint on the writer's connection.
    init(path: String, interval: TimeInterval, restartFrames: Int,
         checkpointOnWriter: @escaping @Sendable () throws -> Void) {
        self.path = path
        self.interval = interval
        self.restartFrames = restartFrames
        self.checkpointOnWriter = checkpointOnWriter
    }

    /// Tells the checkpointer that a transaction committed; starts its thread when idle.
    func noteCommit() {
        let start = state.withLock { state -> Bool in
            state.dirty = true
            guard !state.running, !state.stopped else { return false }
            state.running = true
            return true
        }
        if start { startThread() }
    }

    /// Ends the thread after its current round; no round starts afterwards.
    func stop() {
        state.withLock { $0.stopped = true }
    }

    /// Whether the thread is running (for tests).
    var isRunning: Bool {
        state.withLock { $0.running }
    }

    private func startThread() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: interval)
                let goOn = state.withLock { state -> Bool in
                    guard !state.stopped, state.dirty else {
                        state.running = false
                        return false
                    }
                    state.dirty = false
                    return true
                }
                guard goOn else { return }
                round()
            }
        }
        thread.name = "jobtwin-checkpoint"
        thread.start()
    }

    /// Passive checkpoints in the background, then the short one on the writer when the log
    /// has grown long.
    ///
    /// Failures are left to the next round: a checkpoint that finds another one running (a
    /// second `jobtwin` process on the same file) fails with SQLITE_BUSY and changes nothing,
    /// and the writer's own threshold bounds the log whatever happens here.
    private func round() {
        let frames = gate.withLock { connection -> Int? in
            guard let queue = Self.open(&connection, path: path) else { return nil }
            return try? queue.writeWithoutTransaction { db -> Int in
                let (frames, _) = try db.checkpoint(.passive)
                guard frames >= restartFrames else { return frames }
                // The background rounds write pages into the database file without waiting
                // for the disk; the checkpoint that reaches the end of the log (the writer's,
                // below) syncs the file. Synced here first, that sync has only a few pages
                // left while the writer waits.
                syncDatabaseFile()
                // Again, for what was committed meanwhile, so that the writer's part is short.
                return try db.checkpoint(.passive).walFrameCount
            }
        }
        // Outside the gate: the erasure holds the writer while it waits for the gate.
        if let frames, frames >= restartFrames {
            try? checkpointOnWriter()
        }
    }

    /// Flushes the database file to disk (an extra fsync never weakens what SQLite's own give).
    private func syncDatabaseFile() {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        try? handle.synchronize()
        try? handle.close()
    }

    /// The checkpointer's connection, opened into `connection` the first time.
    private static func open(_ connection: inout DatabaseQueue?, path: String) -> DatabaseQueue? {
        if let connection { return connection }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // As the writer: a checkpoint syncs the log before it and the file after it.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        connection = try? DatabaseQueue(path: path, configuration: configuration)
        return connection
    }
}
