import ArgumentParser
import ReproKit

struct Fsck: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Check that every record hashes to its name, matches its schema and that references resolve.",
        discussion: """
            Names every symlink, FIFO, device or socket under ledgers/ (never followed). Deletes a \
            writer's temporary file only when it is over an hour old and its writer's process is \
            gone, or over a day old. Exits 1 when it finds a problem.
            """)

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let report = try workspace.fsck()
        try Console.emit(report, json: output.json, text: TextReport.fsck)
        if report.failed { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
