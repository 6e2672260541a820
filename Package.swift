// swift-tools-version: 6.1
import PackageDescription

/// JobTwin: a chat assistant for Job Twinning programmes.
///
/// The targets are layered; dependencies point down only (each line names what a target uses):
///
///     jobtwin (CLI)          everything below; LineEditor for the chat; TwinPostgres for a postgres:// database
///     TwinServer             TwinAssistant, TwinRendering — the webhook listener and the buttons' endpoints
///     TwinNotify             TwinRendering, TwinStore, TwinConfiguration, CCurl — the outbox and the
///                            direct messages; never the Assistant
///     TwinAssistant          DialogEngine, TwinStore, TwinConfiguration, TwinReply — Assistant.handle/press → Reply
///     TwinRendering          TwinReply, Twinning — a Reply as each platform shows it (Block Kit, buttons, cards, the web chat's HTML)
///     TwinReply              Twinning, JSONText — the reply contract and its JSON
///     TwinPostgres           TwinStore, TwinConfiguration — the store on PostgreSQL through PostgresNIO (several `serve` on one database)
///     TwinStore              Twinning — SQLite through GRDB; Crypto for the hashes of web tokens
///     TwinConfiguration      Twinning — the configuration file, read and checked; the postgres:// URL
///     DialogEngine           TwinLanguage, JSONText — the script language, pure (no channel sees it)
///     Twinning               TwinLanguage — the domain, pure
///     TwinLanguage, JSONText the leaves: Dutch and English; JSON bytes
///     LineEditor             nothing — the chat's line editor on raw termios
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
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // A line editor for terminals on raw termios (the chat's input): keys, history, UTF-8,
        // wrapping, resizing. Knows nothing of dialogs.
        .target(name: "LineEditor"),
        // The languages of the programme (Dutch, English) and texts in both: the leaf that the
        // engine, the domain, the assistant and the channels share.
        .target(name: "TwinLanguage"),
        // JSON written straight into bytes (the hot path's encoder) and ordered JSON values for
        // platform payloads: the leaf that the engine, the contract and the payloads share.
        .target(name: "JSONText"),
        // The dialog script language: model, loader, linter, expressions, runtime. No I/O
        // beyond reading the script text it is handed; knows nothing of Job Twinning.
        .target(
            name: "DialogEngine",
            dependencies: ["TwinLanguage", "JSONText", .product(name: "Yams", package: "Yams")]
        ),
        // The Job Twinning domain: profiles, phases, guidelines. Pure, no I/O.
        .target(name: "Twinning", dependencies: ["TwinLanguage"]),
        // Persistence: SQLite through GRDB, behind protocols in the domain's language.
        .target(
            name: "TwinStore",
            dependencies: ["Twinning", "TwinLanguage", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The PostgreSQL store, for several `serve` behind one load balancer (PostgresNIO): the
        // same protocols as TwinStore's SQLite store, its schema's migrations, its connections.
        .target(
            name: "TwinPostgres",
            dependencies: ["TwinConfiguration", "TwinStore", "Twinning", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log")]
        ),
        // The configuration file and environment, read and checked (YAML through Yams): the
        // server's, the channels', the notifications' and the retention settings.
        .target(
            name: "TwinConfiguration",
            dependencies: ["Twinning", "TwinLanguage", .product(name: "Yams", package: "Yams")]
        ),
        // The reply contract: what a turn answers, as every channel renders it and as stored
        // replies hold it. Below the Assistant, so that the outbox can post a stored reply
        // without knowing the Assistant or the dialog engine.
        .target(name: "TwinReply", dependencies: ["Twinning", "TwinLanguage", "JSONText"]),
        // A reply as each platform shows it: Slack mrkdwn and Block Kit, Mattermost Markdown and
        // message buttons, Teams text and Adaptive Cards, the web chat's page and its assets; the
        // signed value a button carries.
        .target(
            name: "TwinRendering",
            dependencies: ["TwinReply", "Twinning", "TwinLanguage", "JSONText", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The one entry point every channel calls; binds engine, domain and store.
        .target(
            name: "TwinAssistant",
            dependencies: [
                "DialogEngine", "Twinning", "TwinStore", "TwinLanguage", "TwinConfiguration", "TwinReply",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedDialogs"]
        ),
        // The webhook listener: thin channel adapters (parse, verify, call the Assistant, render)
        // over Hummingbird, with signature checks, limits, idempotency and metrics. It renders
        // the Assistant's reply contract and never sees the dialog engine.
        .target(
            name: "TwinServer",
            dependencies: [
                "TwinAssistant", "TwinReply", "TwinRendering", "Twinning", "TwinStore", "TwinLanguage", "TwinConfiguration",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // libcurl, the one HTTP client for everything outbound (Debian: libcurl4-openssl-dev),
        // with typed wrappers for its variadic functions.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Outbound notifications: the durable outbox worker, the platforms' payloads, the
        // reminder schedule, and a small HTTP transport over libcurl's multi interface. No
        // dialog engine here, and no Assistant.
        .target(
            name: "TwinNotify",
            dependencies: [
                "CCurl", "TwinReply", "TwinRendering", "JSONText", "TwinStore", "Twinning", "TwinLanguage", "TwinConfiguration",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The command-line tool.
        .executableTarget(
            name: "jobtwin",
            dependencies: [
                "TwinAssistant", "TwinServer", "TwinNotify", "DialogEngine", "Twinning", "TwinStore", "LineEditor", "TwinLanguage", "TwinConfiguration",
                "TwinReply", "TwinRendering", "TwinPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
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
            dependencies: [
                "TwinAssistant", "TwinStore", "Twinning", "DialogEngine", "TwinNotify", "TwinLanguage", "TwinConfiguration", "TwinReply",
                "TwinServer", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/TurnBenchmark"
        ),
        // What the process tests share: the built binary as a child process, temporary folders.
        .target(name: "JobTwinTestSupport", dependencies: ["CChildProcess", "CTestParallelism", .product(name: "Crypto", package: "swift-crypto"),
                                                           "TwinPostgres", "TwinConfiguration", .product(name: "PostgresNIO", package: "postgres-nio")],
                path: "Tests/JobTwinTestSupport"),
        // posix_spawn with glibc's GNU actions (close from 3, change folder), for ChildProcess.
        .target(name: "CChildProcess", path: "Tests/CChildProcess"),
        // Caps how many tests run at once (see its source), for every test of the bundle.
        .target(name: "CTestParallelism", path: "Tests/CTestParallelism"),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "TwinRenderingTests", dependencies: ["TwinRendering", "TwinReply", "JSONText", "TwinLanguage", "Twinning", "JobTwinTestSupport"]),
        .testTarget(name: "DialogEngineTests", dependencies: ["DialogEngine", "TwinLanguage", "JSONText"]),
        .testTarget(name: "TwinningTests", dependencies: ["Twinning", "TwinLanguage"]),
        // On SQLite and, with a test server (`JOBTWIN_TEST_POSTGRES_URL`), on PostgreSQL too.
        .testTarget(name: "TwinStoreTests", dependencies: ["TwinStore", "Twinning", "TwinLanguage", "JobTwinTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // Against a real PostgreSQL server, whose URL `JOBTWIN_TEST_POSTGRES_URL` gives
        // (`scripts/postgres-test-server`; `.ci/run` starts one).
        .testTarget(name: "TwinPostgresTests", dependencies: ["TwinPostgres", "TwinStore", "TwinConfiguration", "TwinAssistant", "Twinning", "JobTwinTestSupport",
                                                              "TwinLanguage", "DialogEngine", "TwinReply",
                                                              .product(name: "PostgresNIO", package: "postgres-nio"),
                                                              .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "TwinAssistantTests",
            dependencies: ["TwinAssistant", "DialogEngine", "TwinStore", "Twinning", "TwinLanguage", "TwinConfiguration", "TwinReply",
                           "TwinPostgres", "JobTwinTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Against the real server on a loopback port, and `jobtwin serve` as a child process.
        .testTarget(
            name: "TwinServerTests",
            dependencies: [
                "jobtwin", "JobTwinTestSupport", "TwinServer", "TwinAssistant", "TwinStore", "Twinning", "DialogEngine", "TwinLanguage", "TwinConfiguration",
                "TwinReply", "TwinRendering", "JSONText",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Against a receiver on loopback that fails on command, and `jobtwin outbox deliver` as
        // a child process.
        .testTarget(
            name: "TwinNotifyTests",
            dependencies: [
                "jobtwin", "JobTwinTestSupport", "TwinNotify", "TwinAssistant", "TwinStore", "Twinning", "DialogEngine", "TwinLanguage", "TwinConfiguration",
                "TwinReply", "TwinRendering", "JSONText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "JobTwinCLITests",
            dependencies: ["jobtwin", "JobTwinTestSupport", "TwinAssistant", "TwinStore", "Twinning", "TwinLanguage", "TwinReply"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The compiler holds the walls, as Hummingbird's package does: every existential is spelled
// `any`, so that a protocol used as a type is visible where it costs a box; a file sees the
// members of a module only if it imports that module itself, so that each file's imports (and
// each target's dependencies) say what it really uses; and imports are internal unless marked
// `public import`, which a file writes only where its public API shows the other module's types.
for target in package.targets where target.type != .plugin && target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"), .enableUpcomingFeature("InternalImportsByDefault")]
}
