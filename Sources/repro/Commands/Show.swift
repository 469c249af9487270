import ArgumentParser
import ReproKit

struct Show: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show what the ledgers know about an artifact (name, digest or prefix) or an experiment.")

    @Argument(help: "Artifact name, digest, unique digest prefix, or experiment name.")
    var reference: String

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let result = try workspace.show(reference)
        switch result {
        case .artifact(let summary): try Console.emit(summary, json: output.json) { _ in TextReport.show(result) }
        case .experiment(let runs): try Console.emit(["runs": runs], json: output.json) { _ in TextReport.show(result) }
        }
    }
}
