import Foundation
import LedgerCore
import LedgerGit
import SystemPackage

/// What `repro tag` and `repro run` are told about an experiment.
public struct ExperimentRequest: Sendable {
    public var name: String
    /// `NAME_OR_PATH` or `ROLE=NAME_OR_PATH`.
    public var uses: [String] = []
    /// `PATH` or `NAME=PATH`; recorded after the command ran.
    public var produces: [String] = []
    public var producesKind = ArtifactKind.result
    public var derivedFrom: [String] = []
    public var section: String?
    public var note: String?
    public var ledger = "main"
    /// `repro tag`: inputs whose present copy differs were used with their recorded bytes.
    public var asRecorded = false

    public init(name: String) { self.name = name }
}

/// What was recorded for an experiment.
public struct RecordedExperiment: Codable, Sendable {
    public var experiment: ExperimentRecord
    public var record: String
    /// Outputs that were not tracked before and were recorded as new artifacts.
    public var newArtifacts: [TrackOutcome]
}

extension Workspace {
    /// Records an experiment after the fact (`repro tag`).
    public func tag(_ request: ExperimentRequest, from directory: URL) throws -> RecordedExperiment {
        let started = now()
        let prepared = try prepare(request, policy: .refuse(asRecorded: request.asRecorded), from: directory)
        return try recordExperiment(request, from: directory, command: nil, exitStatus: nil, startedAt: started,
                                    code: try codeState(), before: (inputs: prepared.inputs.map(\.use), parents: prepared.parents))
    }

    /// Runs `command` with the terminal attached, then records it, failed, interrupted or not.
    /// Returns the record and the command's exit status, which `repro run` passes through.
    /// Behaviour beyond recording lives in RunSupervisor, RunPreflight and Trace*.
    public func run(_ request: ExperimentRequest, command: [String], from directory: URL,
                    commandOutputToStderr: Bool = false, options: RunOptions = RunOptions()) throws -> (RecordedExperiment, Int32) {
        guard !command.isEmpty else { throw RunError.nothingToRun }
        // Inputs are verified before the command starts and again after it ends.
        let prepared = try prepare(request, policy: .recordPresent, from: directory)
        let code = try codeState()
        try preflightRun(ledger: request.ledger, inputs: prepared.inputs.map(\.use), command: command, from: directory)
        let trace = try options.trace ? TraceSession.prepare(environment: environment, logFolder: try cacheFolder) : nil
        let started = now()
        // Kept until the record is written: a Ctrl-C while outputs are hashed must not lose the run.
        let forwarder = try SignalForwarder(recording: request.name)
        defer { forwarder.restore() }
        let supervised = try RunSupervisor.run(trace?.wrap(command) ?? command, in: directory,
                                               stdoutToStderr: commandOutputToStderr || options.commandOutputToStderr,
                                               forwardToGrandchild: trace != nil, forwarder: forwarder)
        let inputs = inputsAfterRun(prepared.inputs)
        var facts = RunFacts(supervised, machine: MachineProbe.probe(host: agent.host, environment: environment))
        if environment["REPRO_NO_COMPUTE"] == "1" { facts.compute = nil }
        if let trace {
            facts.trace = try traceFindings(trace, request: request, declared: inputs, from: directory, options: options)
        }
        let outcome = try recordExperiment(request, from: directory, command: command, exitStatus: supervised.exitStatus,
                                           startedAt: started, code: code, before: (inputs: inputs, parents: prepared.parents),
                                           facts: facts, writing: forwarder.writingRecord)
        return (outcome, supervised.exitStatus)
    }

    /// The code state of the work tree; the ledger's own files never make it dirty.
    func codeState() throws -> CodeState {
        try GitRepository.codeState(at: top, excluding: ["\(LedgerStore.folderName)/", ".repro/"])
    }

    /// Everything that can be checked before the command runs, so a typo fails fast; inputs last,
    /// as verifying them may record new versions of their names.
    private func prepare(_ request: ExperimentRequest, policy: ChangedInputPolicy,
                         from directory: URL) throws -> (inputs: [PreparedInput], parents: [Digest]) {
        try store.requireLedger(request.ledger)
        try Names.validate(request.name, as: .experiment)
        if let section = request.section, let problem = FieldRules.sectionProblem(section) {
            throw LedgerError.invalidInput("invalid --section \(section.debugDescription): \(problem)")
        }
        let resolver = ArtifactResolver(index: try index())
        let parents = try request.derivedFrom.map { try resolver.resolve($0).digest }
        for output in request.produces {
            let (name, _) = Self.splitAssignment(output)
            if let name { try Names.validate(name, as: .artifact) }
        }
        return (try prepareInputs(request.uses, policy: policy, from: directory), parents)
    }

    private func recordExperiment(_ request: ExperimentRequest, from directory: URL, command: [String]?, exitStatus: Int32?,
                                  startedAt: String, code: CodeState, before: (inputs: [ArtifactUse], parents: [Digest]),
                                  facts: RunFacts? = nil, writing: () -> Void = {}) throws -> RecordedExperiment {
        var outputs: [ArtifactUse] = []
        var newArtifacts: [TrackOutcome] = []
        var failure: (any Error)?
        for output in request.produces {
            let (explicitName, path) = Self.splitAssignment(output)
            let absolute = absolutePath(path, from: directory)
            if exitStatus != nil && exitStatus != 0 && !FileManager.default.fileExists(atPath: absolute) {
                warn("\(TerminalText.escaped(path)) was not produced (the command failed); not recorded as an output")
                continue
            }
            // Under --trace an output is what the command wrote: older bytes it never touched are not this run's.
            if facts?.trace?.unwrittenOutputs.contains(absolute) == true { continue }
            let name = explicitName ?? URL(fileURLWithPath: absolute).lastPathComponent
            var track = TrackRequest(path: FilePath(path), name: name, kind: request.producesKind)
            track.ledger = request.ledger
            track.derivedFrom = before.parents.map(\.description)
            // What a run writes is the new version of its output's name.
            track.newVersion = true
            do {
                let tracked = try self.track(track, from: directory)
                if tracked.created { newArtifacts.append(tracked) }
                outputs.append(ArtifactUse(digest: tracked.digest, name: name, layout: tracked.layout))
            } catch {
                // After a run, keep going: the record printed on failure must hold all the rest.
                guard command != nil else { throw error }
                failure = failure ?? error
            }
        }
        let outcome: ExperimentOutcome = facts?.interruptedBy != nil ? .interrupted
            : exitStatus.map { $0 == 0 ? .succeeded : .failed } ?? .recorded
        var record = ExperimentRecord(
            name: request.name, ledger: request.ledger, section: request.section, inputs: before.inputs, outputs: outputs,
            code: code, command: command, exitStatus: exitStatus, outcome: outcome, startedAt: startedAt,
            endedAt: command == nil ? nil : now(), recordedBy: agent, note: request.note)
        facts?.apply(to: &record)
        do {
            if let failure { throw failure }
            writing()
            let written = try store.write(.experiment(record), to: request.ledger)
            return RecordedExperiment(experiment: record, record: written.file.relativePath, newArtifacts: newArtifacts)
        } catch {
            guard command != nil, let exitStatus else { throw error }
            throw RunError.notRecorded(reason: "\(error)", json: ((try? JSONOutput.encode(record)) ?? "{}").trimmingCharacters(in: .newlines), exitStatus: exitStatus)
        }
    }

    /// `left=right` → (left, right) when left is a plain word; otherwise (nil, whole).
    static func splitAssignment(_ text: String) -> (String?, String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return (nil, text) }
        let left = text[..<equals]
        guard left.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else { return (nil, text) }
        return (String(left), String(text[text.index(after: equals)...]))
    }
}
