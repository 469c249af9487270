// swift-tools-version: 6.2
// libFuzzer targets, kept out of the main package so `swift build --build-tests`
// never builds them. Built by `make fuzz` with `-sanitize=fuzzer,address`. Each target
// defines LLVMFuzzerTestOneInput and runs it through libFuzzer's LLVMFuzzerRunDriver.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which is whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let ledgerCore = Target.Dependency.product(name: "LedgerCore", package: root)
let fuzzDependencies: [Target.Dependency] = [ledgerCore, "CFuzzerDriver"]

let package = Package(
    name: "ReproLedgerFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "FuzzRecord", dependencies: fuzzDependencies),
        .executableTarget(name: "FuzzExperimentReader", dependencies: fuzzDependencies),
        .executableTarget(name: "FuzzArtifactReader", dependencies: fuzzDependencies),
        .executableTarget(name: "FuzzLicense", dependencies: fuzzDependencies),
        .executableTarget(name: "FuzzLFSPointer", dependencies: fuzzDependencies),
        .executableTarget(name: "FuzzHFSnapshot", dependencies: fuzzDependencies),
        .executableTarget(name: "FuzzPaper", dependencies: [.product(name: "LedgerReport", package: root), "CFuzzerDriver"]),
    ],
    swiftLanguageModes: [.v6]
)
