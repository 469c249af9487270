import ArgumentParser
import ReproKit

struct Commit: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Commit the ledger paths, and only them, through libgit2.",
        discussion: """
            Commits ledgers/ as it is in the work tree, and .gitignore only when the .repro/ line \
            `repro init` added is its sole change. Your other staged and unstaged changes stay as \
            they were. The default message counts the records added, per ledger. A ledger already \
            committed is not an error: it says so and exits 0. Only what `repro fsck` accepts is \
            committed: a symlink, FIFO, device or socket, a file not named like a record, or a record \
            that fails its check under ledgers/ makes it refuse, listing them (exit 1, HEAD unchanged).
            """)

    @Option(name: .shortAndLong, help: "Commit message (default: a summary of the records added).")
    var message: String?

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let report = try workspace.commitLedgers(message: message)
        try Console.emit(report, json: output.json, text: TextReport.committed)
    }
}
