import ArgumentParser
import ReproKit

struct Affected: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "affected",
        abstract: "Every experiment and derived artifact, in every ledger, that depends on an artifact.",
        discussion: "Follows derived-from lineage and the outputs of experiments that used it, transitively.")

    @Argument(help: "Artifact name, digest, or unique digest prefix.")
    var artifact: String

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let report = try workspace.affected(by: artifact)
        try Console.emit(report, json: output.json, text: TextReport.affected)
    }
}
