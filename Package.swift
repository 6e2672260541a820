// swift-tools-version: 6.1
import PackageDescription

/// JobTwin: a chat assistant for Job Twinning programmes.
///
/// The targets are layered; dependencies point down only:
///
///     jobtwin (CLI)
///       └─ TwinAssistant   one entry point: Assistant.handle(...)
///            ├─ TwinStore   SQLite through GRDB
///            ├─ Twinning    the domain, pure
///            └─ DialogEngine the script language, pure
let package = Package(
    name: "JobTwin",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jobtwin", targets: ["jobtwin"]),
        .library(name: "DialogEngine", targets: ["DialogEngine"]),
        .library(name: "Twinning", targets: ["Twinning"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // The dialog script language: model, loader, linter, expressions, runtime. No I/O
        // beyond reading the script text it is handed; knows nothing of Job Twinning.
        .target(
            name: "DialogEngine",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The Job Twinning domain: profiles, phases, guidelines. Pure, no I/O.
        .target(name: "Twinning"),
        // Persistence: SQLite through GRDB, behind protocols in the domain's language.
        .target(
            name: "TwinStore",
            dependencies: ["Twinning", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The one entry point every channel calls; binds engine, domain and store.
        .target(
            name: "TwinAssistant",
            dependencies: [
                "DialogEngine", "Twinning", "TwinStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedDialogs"]
        ),
        // The command-line tool.
        .executableTarget(
            name: "jobtwin",
            dependencies: [
                "TwinAssistant", "DialogEngine", "Twinning", "TwinStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Build tool that turns Dialogs/*.yaml into Swift string literals, so that the
        // built-in dialogs ship inside the binary and `jobtwin` works from any folder.
        .executableTarget(name: "DialogEmbedder"),
        .plugin(
            name: "EmbedDialogs",
            capability: .buildTool(),
            dependencies: ["DialogEmbedder"]
        ),
        // Throughput of persisted turns (see Benchmarks/README.md).
        .executableTarget(
            name: "jobtwin-bench",
            dependencies: ["TwinAssistant", "TwinStore", "Twinning", "DialogEngine"],
            path: "Benchmarks/TurnBenchmark"
        ),
        .testTarget(name: "DialogEngineTests", dependencies: ["DialogEngine"]),
        .testTarget(name: "TwinningTests", dependencies: ["Twinning"]),
        .testTarget(name: "TwinStoreTests", dependencies: ["TwinStore", "Twinning"]),
        .testTarget(
            name: "TwinAssistantTests",
            dependencies: ["TwinAssistant", "DialogEngine", "TwinStore", "Twinning"]
        ),
        .testTarget(
            name: "JobTwinCLITests",
            dependencies: ["jobtwin", "TwinAssistant", "TwinStore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
