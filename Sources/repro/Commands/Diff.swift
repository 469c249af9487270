import ArgumentParser
import ReproKit

struct Diff: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the records added (and any removed) between two commits, per ledger.",
        discussion: """
            With one revision, from it to HEAD: `repro diff submission` shows what was recorded \
            since the tag `submission`. Revisions are anything git understands (tags, branches, \
            HEAD~3, commit ids). Records are read from the commits and checked against their names; \
            records are only ever added, so one edited in place is checked too and a removed one is \
            listed. Exits 1 when an added or edited file fails that check or a record was removed, 2 \
            for an unknown revision.
            """)

    @Argument(help: "The earlier revision.")
    var from: String

    @Argument(help: "The later revision (default: HEAD).")
    var to: String?

    @OptionGroup var output: OutputOptions

    var needsLedgers: Bool { false }

    func run(in workspace: Workspace) throws {
        let diff = try workspace.diff(from: from, to: to)
        try Console.emit(diff, json: output.json, text: TextReport.diff)
        if diff.failed { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
