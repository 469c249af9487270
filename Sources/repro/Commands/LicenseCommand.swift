import ArgumentParser
import Foundation
import ReproKit
import SystemPackage

struct LicenseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "license",
        abstract: "The license catalog: built-in researched licenses plus those the ledgers define.",
        subcommands: [LicenseList.self, LicenseShow.self, LicenseAdd.self])
}

/// The workspace when `repro` runs inside an initialized one; the catalog works anywhere.
private func optionalWorkspace() -> Workspace? {
    try? Workspace.open(from: currentDirectory)
}

struct LicenseList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every license with its key facts.")

    @OptionGroup var output: OutputOptions

    func run() throws {
        let entries = try Console.reportingFailures { try LicenseCommands.entries(in: optionalWorkspace()) }
        try Console.emit(entries, json: output.json) { $0.map(TextReport.licenseLine).joined() }
    }
}

struct LicenseShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show every fact about one license (id, SPDX id, Hugging Face tag or alias).")

    @Argument(help: "License id, e.g. llama3.1, cc-by-nc-4.0, LicenseRef-acme-clinical-dua.")
    var id: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let entry = try Console.reportingFailures { try LicenseCommands.show(id, in: optionalWorkspace()) }
        try Console.emit(entry, json: output.json, text: TextReport.licenseDetail)
    }
}

struct LicenseAdd: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a license defined in a JSON file in a ledger.",
        discussion: """
            The file holds one license: "id" and "name" are required; other facts (osiApproved, \
            commercialUse {status: allowed|restricted|forbidden|unclear, userCap}, forbidsRedistributionOfWeights, \
            attribution {required, summary, noticeText}, derivativeNaming {required, summary, requiredPrefix}, …) \
            are "not known" when absent. Artifacts then name it as LicenseRef-<id>.
            """)

    @Argument(help: "JSON file defining the license.")
    var file: String

    @Option(help: "Ledger to record in.")
    var ledger = "main"

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let outcome = try workspace.addLicense(file: FilePath(workspace.absolutePath(file, from: currentDirectory)), ledger: ledger)
        try Console.emit(outcome, json: output.json, text: TextReport.licenseAdded)
    }
}
