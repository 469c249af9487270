import ArgumentParser
import ReproKit

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-hash recorded artifacts that are present and report which file of which artifact changed.",
        discussion: "Unchanged files are answered from the hash cache. Exits 1 when any artifact differs from its record.")

    @Argument(help: "Artifacts to check (names, digests or prefixes); all when none are given.")
    var artifacts: [String] = []

    @Flag(help: "Read every byte again instead of trusting the hash cache.")
    var noCache = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try Console.withWorkspace { workspace in
            try ProgressDisplay.while { try workspace.verify(artifacts, useCache: !noCache, progress: $0) }
        }
        try Console.emit(report, json: output.json, text: TextReport.verify)
        if report.failed { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
