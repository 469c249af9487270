// swift-tools-version: 6.0
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
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(
            name: "LedgerCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "LedgerIndex",
            dependencies: ["LedgerCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "LedgerGit",
            dependencies: ["LedgerCore", "CLibGit2"]
        ),
        .target(
            name: "LedgerReport",
            dependencies: ["LedgerCore"],
            resources: [.copy("Resources/licenses.json")]
        ),
        .target(
            name: "LedgerExport",
            dependencies: ["LedgerCore"]
        ),
        .target(
            name: "ReproKit",
            dependencies: ["LedgerCore", "LedgerIndex", "LedgerGit", "LedgerReport", "LedgerExport"]
        ),
        // Generates large synthetic ledgers for bench/ledger_bench.py; not installed.
        .executableTarget(
            name: "repro-bench",
            dependencies: ["LedgerCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "bench/Sources/repro-bench"
        ),
        .executableTarget(
            name: "repro",
            dependencies: ["ReproKit", "LedgerCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Helpers shared by the test targets only: temporary folders, processes, data.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LedgerCoreTests", dependencies: ["LedgerCore", "TestSupport"]),
        .testTarget(name: "LedgerIndexTests", dependencies: [
            "LedgerIndex", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "LedgerGitTests", dependencies: ["LedgerGit"]),
        .testTarget(name: "LedgerReportTests", dependencies: ["LedgerReport"], exclude: ["Disclosure/Golden"]),
        .testTarget(name: "LedgerExportTests", dependencies: ["LedgerExport", "TestSupport"]),
        .testTarget(name: "ReproKitTests", dependencies: ["ReproKit", "TestSupport"]),
        // End-to-end: runs the built `repro` executable as a user would.
        .testTarget(name: "ReproCLITests", dependencies: ["repro", "LedgerIndex", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
