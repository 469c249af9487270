import ArgumentParser
import Foundation
import LedgerCore
import ReproKit

@main
struct Repro: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repro",
        abstract: "A reproducibility ledger for research papers.",
        discussion: """
            Records which checkpoint, dataset and license digests each experiment used, \
            keeps them as plain files under ledgers/ in git, and writes the paper's \
            reproducibility statement from them.

            Exit codes: 0 ok, 1 a check failed, 2 bad usage or input, 3 environment problem.

            Environment: REPRO_CACHE_DIR moves the derived SQLite files (default .repro/); \
            SOURCE_DATE_EPOCH pins the time records carry; REPRO_USER and REPRO_HOST replace \
            the login and host name recorded with each record.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Hash.self, Track.self, Availability.self, Tag.self, Run.self, Verify.self, Locate.self, Show.self, List.self,
            Log.self, Affected.self, Fsck.self, Reindex.self, Commit.self, Diff.self, Seal.self,
            Disclaimer.self, ChecklistCommand.self, Coverage.self, LicenseCommand.self, Export.self, Graph.self, Upstream.self,
        ]
    )

    /// ArgumentParser exits 64 on a usage error; CLI.md promises 2 for bad usage.
    static func main() {
        ProcessMemory.returnLargeBlocksWhenFreed()
        rejectUnknownCommand(CommandLine.arguments.dropFirst().first)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// ArgumentParser reports `repro trak x` as "2 unexpected arguments"; say which word is
    /// wrong and what was probably meant. Every subcommand spells its `commandName`: derived
    /// from the type name, each cost a `String(describing:)` of a metatype, that is three scans
    /// of every protocol conformance in the binary (4 ms of each start).
    private static func rejectUnknownCommand(_ first: String?) {
        guard let first, !first.hasPrefix("-") else { return }
        let known = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !known.contains(first) else { return }
        let suggestions = NameSuggestions.closest(to: first, among: known)
        let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map(\.debugDescription).joined(separator: " or "))?"
        FileHandle.standardError.write(Data(
            "repro: error: unknown command \(first.debugDescription)\(hint)\n`repro --help` lists the commands\n".utf8))
        Foundation.exit(2)
    }
}
