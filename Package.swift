// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "ReproLedger",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "repro", targets: ["repro"]),
        .library(name: "LedgerCore", targets: ["LedgerCore"]),
        .library(name: "LedgerIndex", targets: ["LedgerIndex"]),
        .library(name: "LedgerGit", targets: ["LedgerGit"]),
        .library(name: "LedgerReport", targets: ["LedgerReport"]),
        .library(name: "LedgerExport", targets: ["LedgerExport"]),
        .library(name: "ReproKit", targets: ["ReproKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Typed file descriptors, paths and errno: the one OS layer that resolves ledger paths without following links.
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // Runs `repro run`'s command in repro's own process group with the terminal's standard streams.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        // Model-card front matter (YAML) of Hugging Face snapshots.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // uniqued(), OrderedSet and OrderedDictionary instead of hand-written dedupes.
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // One inline wrapper around a variadic SQLite call; links the same libsqlite3 as GRDB.
        .systemLibrary(name: "CSQLiteShim"),
        // mallopt from <malloc.h>, which Swift's Glibc module leaves out (ProcessMemory).
        .systemLibrary(name: "CMallocShim"),
        .target(
            name: "LedgerCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Algorithms", package: "swift-algorithms"),
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "LedgerIndex",
            dependencies: [
                "LedgerCore", .product(name: "GRDB", package: "GRDB.swift"), "CSQLiteShim",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(
            name: "LedgerGit",
            dependencies: ["LedgerCore", "CLibGit2", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(
            name: "LedgerReport",
            dependencies: [
                "LedgerCore",
                .product(name: "Algorithms", package: "swift-algorithms"),
                .product(name: "Collections", package: "swift-collections"),
            ],
            resources: [.copy("Resources/licenses.json")]
        ),
        .target(
            name: "LedgerExport",
            dependencies: [
                "LedgerCore",
                .product(name: "Algorithms", package: "swift-algorithms"),
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "ReproKit",
            dependencies: [
                "LedgerCore", "LedgerIndex", "LedgerGit", "LedgerReport", "LedgerExport", "CMallocShim",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Algorithms", package: "swift-algorithms"),
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        // Generates large synthetic ledgers for bench/ledger_bench.py; not installed.
        .executableTarget(
            name: "repro-bench",
            dependencies: ["LedgerCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "bench/Sources/repro-bench"
        ),
        .executableTarget(
            name: "repro",
            dependencies: [
                "ReproKit", "LedgerCore", "LedgerIndex", "LedgerReport", "LedgerExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Helpers shared by the test targets only: temporary folders, processes, data.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LedgerCoreTests", dependencies: ["LedgerCore", "TestSupport", .product(name: "SystemPackage", package: "swift-system")]),
        .testTarget(name: "LedgerIndexTests", dependencies: [
            "LedgerIndex", "LedgerCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "LedgerGitTests", dependencies: ["LedgerGit", "LedgerCore"]),
        .testTarget(name: "LedgerReportTests", dependencies: ["LedgerReport", "LedgerCore"], exclude: ["Disclosure/Golden"]),
        .testTarget(name: "LedgerExportTests", dependencies: ["LedgerExport", "LedgerCore", "TestSupport"]),
        .testTarget(name: "ReproKitTests", dependencies: [
            "ReproKit", "LedgerCore", "LedgerIndex", "LedgerGit", "LedgerReport", "LedgerExport", "TestSupport",
            .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // End-to-end: runs the built `repro` executable as a user would.
        .testTarget(name: "ReproCLITests", dependencies: [
            "repro", "LedgerCore", "LedgerIndex", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
