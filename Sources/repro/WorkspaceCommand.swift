import ArgumentParser
import ReproKit

/// A command that works in the paper's repository, in the manner of SwiftPM's `SwiftCommand`:
/// the default `run()` opens the workspace, prints warnings on stderr as they are raised, and
/// turns any error into its message and the exit code of its category, so no command repeats it.
protocol WorkspaceCommand: ParsableCommand {
    /// Whether `repro init` must have run first; false for `init` and `diff`.
    var needsLedgers: Bool { get }

    func run(in workspace: Workspace) throws
}

extension WorkspaceCommand {
    var needsLedgers: Bool { true }

    func run() throws {
        try Console.reportingFailures {
            let workspace = needsLedgers ? try Workspace.open(from: currentDirectory) : try Workspace.locate(from: currentDirectory)
            workspace.warningHandler = Console.warn
            try run(in: workspace)
        }
    }
}
