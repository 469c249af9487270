import ArgumentParser
import Foundation
import LedgerCore
import LedgerReport
import ReproKit
import SystemPackage

/// Scope options `disclaimer` and `checklist` share.
struct DisclosureScopeOptions: ParsableArguments {
    @Option(help: "Ledger whose experiments to disclose (repeatable); all when none is given.")
    var ledger: [String] = []

    @Option(help: "Experiment to disclose (repeatable); all in the chosen ledgers when none is given.")
    var experiment: [String] = []

    @Option(help: "Section or table label, e.g. tab:ablation (repeatable); output follows this order.")
    var section: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Read availability as of this day; default: the latest events.",
                                                            valueName: CalendarDay.help),
            transform: CalendarDay.argument)
    var asOf: CalendarDay?

    @Flag(help: "Re-hash the artifacts in scope that are present and disclose any that no longer match.")
    var verify = false

    var request: DisclosureScopeRequest {
        var request = DisclosureScopeRequest()
        request.ledgers = ledger
        request.experiments = experiment
        request.sections = section
        request.asOf = asOf
        request.verify = verify
        return request
    }
}

/// `--json` is a shorthand for `--format json`; with another `--format` it contradicts it.
enum DisclosureFormatOptions {
    static func validate(format: DisclosureFormat?, json: Bool) throws {
        if json, let format, format != .json {
            throw ValidationError("--json means --format json; give one of --json and --format \(format.rawValue)")
        }
    }
}

struct Disclaimer: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclaimer",
        abstract: "Write the paper's reproducibility statement from the ledger.",
        discussion: """
            States, per section or table label, the artifacts the results depend on (with SHA-256 digests) \
            and every recorded limitation: withdrawn, deprecated, gated, API-only or private artifacts, \
            license terms (non-commercial, no redistribution, usage caps, attribution and naming duties, \
            not OSI-approved, unknown), digests never taken from the content or no longer matching, and \
            code not committed at run time. Output depends only on the ledger and the options.

            Lint errors (a derived model named against its base's license) are printed on stderr and make \
            the command exit 1; the statement is still written.
            """)

    @OptionGroup var scope: DisclosureScopeOptions

    @Option(help: "The statement's format; json is the analysis itself (default: text).")
    var format: DisclosureFormat?

    @Flag(help: "Same as --format json.")
    var json = false

    @Flag(help: "With --format latex: emit \\newcommand definitions (digests, limitations, \\reproStatement) for the preamble.")
    var macros = false

    @Flag(help: "Add a table of every artifact with its license, status and full digest.")
    var appendix = false

    @Option(help: ArgumentHelp(
        "The paper's .aux file from its last pdflatex run: text and Markdown then say \"Table 2\" instead of the label, and consecutive tables become a range in every format.",
        valueName: "file"))
    var aux: String?

    @OptionGroup var destination: DocumentDestination

    func validate() throws {
        try DisclosureFormatOptions.validate(format: format, json: json)
        if macros, format != .latex {
            throw ValidationError("--macros defines LaTeX commands; use it with --format latex")
        }
    }

    func run(in workspace: Workspace) throws {
        var request = DisclaimerRequest()
        request.scope = scope.request
        request.format = json ? .json : format ?? .text
        request.macros = macros
        request.appendix = appendix
        request.aux = aux.map { FilePath($0) }
        let outcome = try workspace.disclaimer(request)
        try destination.write(outcome.text)
        // Buffered: a lab ledger's fine-tunes of Llama raise thousands of lints, a write each.
        let errors = TextSink(fileDescriptor: STDERR_FILENO)
        for lint in outcome.lints { errors.write("repro: \(TextReport.lint(lint))\n") }
        try errors.flush()
        if !outcome.lints.isEmpty { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}

struct ChecklistCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Answer a venue's checklist items on licenses, assets and reproducibility from the ledger.",
        discussion: """
            neurips: licenses for existing assets, new assets, open access to data and code. \
            acl: A1 limitations and B1-B5 on scientific artifacts. aaai: the reproducibility checklist; datasets, \
            their availability and citations, code state and runs per result are answered from the ledger, the \
            other items are listed as to be answered by the authors. Each answer (Yes, No, Partial, NA) comes \
            with its justification; questions are paraphrased, so check the venue's form for the exact wording.
            """)

    @Option(help: "The venue whose checklist to answer.")
    var venue: ChecklistVenue

    @OptionGroup var scope: DisclosureScopeOptions

    @Option(help: "The answers' format (default: text).")
    var format: DisclosureFormat?

    @Flag(help: "Same as --format json.")
    var json = false

    @OptionGroup var destination: DocumentDestination

    func validate() throws {
        try DisclosureFormatOptions.validate(format: format, json: json)
    }

    func run(in workspace: Workspace) throws {
        var request = ChecklistRequest(venue: venue)
        request.scope = scope.request
        request.format = json ? .json : format ?? .text
        let result = try workspace.checklist(request)
        try destination.write(result.text)
    }
}
