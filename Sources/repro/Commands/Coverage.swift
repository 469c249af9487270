import ArgumentParser
import Foundation
import ReproKit
import SystemPackage

struct Coverage: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Check that every table and figure of the paper has a recorded experiment behind it.",
        discussion: """
            Reads PAPER.tex and the files it \\input or \\include (relative to its folder, never outside it), \
            ignoring comments and comment environments, and matches each \\label inside a table or figure \
            (starred forms too) against the section labels experiments were recorded with. Failed runs do not \
            back a label. Also lists recorded section labels the paper does not hold (a renamed table).

            Exit 1 when a checked label has no experiment behind it, 0 otherwise.
            """)

    @Argument(help: ArgumentHelp("The paper's main LaTeX file.", valueName: "paper.tex"))
    var paper: String

    @Option(parsing: .upToNextOption,
            help: "Environments or sectioning commands whose labels to check (default: table figure); e.g. --environments table figure equation section.")
    var environments: [String] = []

    @Option(help: "Ledger whose experiments count (repeatable); all when none is given.")
    var ledger: [String] = []

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        var request = CoverageRequest(paper: FilePath(paper))
        if !environments.isEmpty { request.environments = environments.flatMap { $0.split(separator: ",").map(String.init) } }
        request.ledgers = ledger
        let report = try workspace.coverage(request, from: currentDirectory)
        try Console.emit(report, json: output.json, text: TextReport.coverage)
        if !report.complete { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
