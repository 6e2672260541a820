import DialogEngine
import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

// Persisted turns per second through `Assistant`, over many participants at once; and with
// `pool N`, matching a pool of N teachers and N professionals (see PoolBenchmark.swift).
//
// Usage: swift run -c release jobtwin-bench [participants] [turns-per-participant] [concurrency]
//        swift run -c release jobtwin-bench pool [N]
//        swift run -c release jobtwin-bench notify [N] [--fail-half]   (see NotifyBenchmark.swift)
//        swift run -c release jobtwin-bench clicks [participants] [clicks-each] [concurrency]   (ClickBenchmark.swift)
// Every turn is a real one: the participant's conversation is loaded from SQLite, the dialog
// engine takes the answer, and the new state and answers are committed before the next turn.

if CommandLine.arguments.dropFirst().first == "notify" {
    let rest = CommandLine.arguments.dropFirst(2)
    try await NotifyBenchmark.run(events: rest.compactMap(Int.init).first ?? 5_000, failHalf: rest.contains("--fail-half"))
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "clicks" {
    let numbers = CommandLine.arguments.dropFirst(2).compactMap(Int.init)
    try await ClickBenchmark.run(participants: numbers.first ?? 1_000, clicksEach: numbers.dropFirst().first ?? 20,
                                 concurrency: numbers.dropFirst(2).first ?? 32)
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "pool" {
    try PoolBenchmark.run(size: CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 5_000)
    exit(0)
}

let arguments = CommandLine.arguments.dropFirst().compactMap(Int.init)
let participants = arguments.count > 0 ? arguments[0] : 1_000
let turnsEach = arguments.count > 1 ? arguments[1] : 20
let concurrency = arguments.count > 2 ? arguments[2] : 32

let intake = ["ja", "Anna de Vries", "docent", "Erasmus College", "Rotterdam", "docent wiskunde", "wiskunde",
              "lerarenopleiding", "vmbo", "vmbo, havo", "1", "1", "1, 2", "2", "ja", "ja"]

func answer(_ n: Int) -> String {
    // The intake first, then the menu: view the profile (1), which loops back to the menu.
    n < intake.count ? intake[n] : "1"
}

func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let repository = try SQLiteRepository(path: folder.appendingPathComponent("bench.sqlite").path)
let assistant = Assistant(program: try DialogLibrary.load(directory: nil), repository: repository)
let ids = (0..<participants).compactMap { ParticipantID("api:bench-\($0)") }
// `JOBTWIN_BENCH_NO_IDS=1` leaves the request ids out (the reply is then not stored).
let withRequestIDs = ProcessInfo.processInfo.environment["JOBTWIN_BENCH_NO_IDS"] != "1"

// Open every conversation first (not measured), as after the participants' first messages.
for id in ids { _ = try await assistant.open(participant: id) }

let clock = ContinuousClock()
let start = clock.now
let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
    // Worker w takes participants w, w+concurrency, …; each sends its turns in order.
    for worker in 0..<concurrency {
        group.addTask {
            var measured: [Duration] = []
            for turn in 0..<turnsEach {
                for index in stride(from: worker, to: ids.count, by: concurrency) {
                    let began = clock.now
                    // Each turn carries a request id, as every message to `jobtwin serve` does:
                    // its reply is stored for a repeat of the same id.
                    let request = withRequestIDs ? ChannelRequestID(channel: "api", value: "t\(turn)-\(index)") : nil
                    _ = try await assistant.handle(participant: ids[index], text: answer(turn), requestID: request)
                    measured.append(clock.now - began)
                }
            }
            return measured
        }
    }
    var all: [Duration] = []
    for try await part in group { all += part }
    return all
}
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let sorted = latencies.sorted()
func percentile(_ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let d = sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}
print("participants: \(participants), turns: \(latencies.count), concurrency: \(concurrency)")
print(String(format: "throughput: %.0f persisted turns/s", Double(latencies.count) / seconds))
print(String(format: "latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms", percentile(0.5), percentile(0.99), percentile(1.0)))
print(String(format: "resident memory: %.0f MB", residentMegabytes()))
