import ArgumentParser
import Foundation
import LedgerCore
import ReproKit
import SystemPackage

/// Options `tag` and `run` share.
struct ExperimentOptions: ParsableArguments {
    @Option(parsing: .upToNextOption, help: "Artifacts read: names, digests or paths of tracked artifacts; ROLE=… adds a role.")
    var uses: [String] = []

    @Option(parsing: .upToNextOption, help: "Files or folders written: PATH or NAME=PATH; untracked ones are recorded as new artifacts.")
    var produces: [String] = []

    @Option(name: .customLong("produces-kind"), help: "Kind recorded for new output artifacts.")
    var producesKind = ArtifactKind.result

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

struct Tag: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Record an experiment: inputs, outputs, code state (commit, dirty, diff digest), time, host.",
        discussion: """
            Inputs with a copy on this machine are verified; one whose copy differs from its recorded \
            digest is an error (exit 1, nothing recorded) unless --as-recorded is given or its path is \
            given instead of its name (then the present bytes are recorded as a new version of the name).
            """)

    @Argument(help: "Experiment name.")
    var experiment: String?

    @Option(name: .customLong("from-json"),
            help: "Enter the experiment record `repro run` printed when it could not write it (saved to FILE).")
    var fromJSON: String?

    @OptionGroup var options: ExperimentOptions

    @Flag(name: .customLong("as-recorded"), help: "Inputs whose present copy differs were used with their recorded bytes; record those.")
    var asRecorded = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if (experiment == nil) == (fromJSON == nil) {
            throw ValidationError("give an experiment name, or --from-json FILE (not both)")
        }
    }

    func run(in workspace: Workspace) throws {
        var request = options.request(named: experiment ?? "")
        request.asRecorded = asRecorded
        let outcome = try fromJSON.map { try workspace.tag(fromJSON: FilePath($0), from: currentDirectory) }
            ?? workspace.tag(request, from: currentDirectory)
        try Console.emit(outcome, json: output.json) { TextReport.experiment($0.experiment) + "recorded in \($0.record)\n" }
    }
}

struct Run: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a command and record it as an experiment, with its exit status, duration and outputs.",
        discussion: """
            Example: repro run finetune --uses base train-set --produces ckpt=out/ckpt -- python train.py
            Before the command starts, repro checks that the ledger is writable, the command exists and \
            the inputs' copies can be read (and, with --trace, that strace may trace); otherwise it exits \
            2 or 3 and the command never runs. The command shares repro's terminal and process group; \
            SIGINT, SIGTERM and SIGHUP sent to repro are passed to it, and the run is recorded as \
            interrupted; one that comes after the command ended does not stop the recording (a second \
            one does, without a record). The experiment is recorded even when the command fails, with its compute \
            (time, CPU, peak memory, machine), and repro exits with the command's exit status \
            (128+N when killed by signal N). If the record cannot be written after the command ran, \
            it is printed on stderr for `repro tag --from-json FILE`, and repro exits with the \
            command's status, or 3 when that was 0. Inputs with a copy on this machine are verified \
            before the command starts (a changed one is recorded as a new version of its name, with a \
            warning) and after it ends (one the run changed is recorded as such, with a warning).
            """)

    @Argument(help: "Experiment name.")
    var experiment: String

    @OptionGroup var options: ExperimentOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Run the command under strace and record which tracked artifacts it opened, beside --uses.")
    var trace = false

    @Option(name: .customLong("large-file-mib"),
            help: "With --trace, warn about untracked files of at least this many MiB that the command read.")
    var largeFileMiB: Int64 = 10

    @Argument(parsing: .postTerminator, help: "The command, after --.")
    var command: [String] = []

    /// A run whose record could not be written exits with the command's status (`ExitStatus.code`).
    func run(in workspace: Workspace) throws {
        var runOptions = RunOptions()
        // With --json the command's own output goes to stderr: stdout carries one JSON document.
        runOptions.commandOutputToStderr = output.json
        runOptions.trace = trace
        runOptions.largeFileThreshold = min(max(largeFileMiB, 0), Int64.max >> 20) << 20
        let (outcome, status) = try workspace.run(options.request(named: experiment), command: command, from: currentDirectory,
                                                  options: runOptions)
        try Console.emit(outcome, json: output.json) { TextReport.experiment($0.experiment) + "recorded in \($0.record)\n" }
        if status != 0 { throw ExitCode(status) }
    }
}
