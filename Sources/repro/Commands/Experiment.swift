import ArgumentParser
import Foundation
import LedgerCore
import ReproKit

/// Options `tag` and `run` share.
struct ExperimentOptions: ParsableArguments {
    @Option(parsing: .upToNextOption, help: "Artifacts read: names, digests or paths of tracked artifacts; ROLE=… adds a role.")
    var uses: [String] = []

    @Option(parsing: .upToNextOption, help: "Files or folders written: PATH or NAME=PATH; untracked ones are recorded as new artifacts.")
    var produces: [String] = []

    @Option(name: .customLong("produces-kind"), help: "Kind recorded for new output artifacts.")
    var producesKind = "result"

    @Option(help: "Paper section or table label, e.g. tab:ablation.")
    var section: String?

    @Option(help: "Free-text note.")
    var note: String?

    @Option(name: .customLong("derived-from"), help: "Outputs are derived from this artifact (repeatable), e.g. the base model of a fine-tune.")
    var derivedFrom: [String] = []

    @Option(help: "Ledger to record in.")
    var ledger = "main"

    func request(named name: String) -> ExperimentRequest {
        var request = ExperimentRequest(name: name)
        request.uses = uses
        request.produces = produces
        request.producesKind = producesKind
        request.derivedFrom = derivedFrom
        request.section = section
        request.note = note
        request.ledger = ledger
        return request
    }
}

struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record an experiment: inputs, outputs, code state (commit, dirty, diff digest), time, host.",
        discussion: """
            Inputs with a copy on this machine are verified; one whose copy differs from its recorded \
            digest is an error (exit 1, nothing recorded) unless --as-recorded is given or its path is \
            given instead of its name (then the present bytes are recorded as a new version of the name).
            """)

    @Argument(help: "Experiment name.")
    var experiment: String

    @OptionGroup var options: ExperimentOptions

    @Flag(name: .customLong("as-recorded"), help: "Inputs whose present copy differs were used with their recorded bytes; record those.")
    var asRecorded = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        var request = options.request(named: experiment)
        request.asRecorded = asRecorded
        let outcome = try Console.withWorkspace { try $0.tag(request, from: currentDirectory) }
        try Console.emit(outcome, json: output.json) { TextReport.experiment($0.experiment) + "recorded in \($0.record)\n" }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a command and record it as an experiment, with its exit status, duration and outputs.",
        discussion: """
            Example: repro run finetune --uses base train-set --produces ckpt=out/ckpt -- python train.py
            The experiment is recorded even when the command fails (marked failed), and repro exits \
            with the command's exit status. Inputs with a copy on this machine are verified before the \
            command starts (a changed one is recorded as a new version of its name, with a warning) and \
            after it ends (one the run changed is recorded as such, with a warning).
            """)

    @Argument(help: "Experiment name.")
    var experiment: String

    @OptionGroup var options: ExperimentOptions
    @OptionGroup var output: OutputOptions

    @Argument(parsing: .postTerminator, help: "The command, after --.")
    var command: [String] = []

    func run() throws {
        let (outcome, status) = try Console.withWorkspace { workspace in
            workspace.warningHandler = Console.warn
            // With --json the command's own output goes to stderr: stdout carries one JSON document.
            return try workspace.run(options.request(named: experiment), command: command, from: currentDirectory,
                                     commandOutputToStderr: output.json)
        }
        try Console.emit(outcome, json: output.json) { TextReport.experiment($0.experiment) + "recorded in \($0.record)\n" }
        if status != 0 { throw ExitCode(status) }
    }
}
