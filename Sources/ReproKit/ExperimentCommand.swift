import Foundation
import LedgerCore
import LedgerGit

/// What `repro tag` and `repro run` are told about an experiment.
public struct ExperimentRequest: Sendable {
    public var name: String
    /// `NAME_OR_PATH` or `ROLE=NAME_OR_PATH`.
    public var uses: [String] = []
    /// `PATH` or `NAME=PATH`; recorded after the command ran.
    public var produces: [String] = []
    public var producesKind = "result"
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

    /// Runs `command` with the terminal attached, then records it, failed or not. Returns the
    /// record and the command's exit status, which `repro run` passes through.
    public func run(_ request: ExperimentRequest, command: [String], from directory: URL,
                    commandOutputToStderr: Bool = false) throws -> (RecordedExperiment, Int32) {
        guard !command.isEmpty else { throw LedgerError.invalidInput("nothing to run: give the command after --") }
        // Inputs are verified before the command starts and again after it ends.
        let prepared = try prepare(request, policy: .recordPresent, from: directory)
        let code = try codeState()
        let started = now()
        let status = try ChildProcess.run(command, in: directory, stdoutToStderr: commandOutputToStderr)
        let inputs = inputsAfterRun(prepared.inputs)
        let outcome = try recordExperiment(request, from: directory, command: command, exitStatus: status, startedAt: started,
                                           code: code, before: (inputs: inputs, parents: prepared.parents))
        return (outcome, status)
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
        _ = try Parse.kind(request.producesKind)
        let resolver = ArtifactResolver(index: try index())
        let parents = try request.derivedFrom.map { try resolver.resolve($0).digest }
        for output in request.produces {
            let (name, _) = Self.splitAssignment(output)
            if let name { try Names.validate(name, as: .artifact) }
        }
        return (try prepareInputs(request.uses, policy: policy, from: directory), parents)
    }

    private func recordExperiment(_ request: ExperimentRequest, from directory: URL, command: [String]?, exitStatus: Int32?,
                                  startedAt: String, code: CodeState, before: (inputs: [ArtifactUse], parents: [Digest])) throws -> RecordedExperiment {
        var outputs: [ArtifactUse] = []
        var newArtifacts: [TrackOutcome] = []
        for output in request.produces {
            let (explicitName, path) = Self.splitAssignment(output)
            let absolute = absolutePath(path, from: directory)
            if exitStatus != nil && exitStatus != 0 && !FileManager.default.fileExists(atPath: absolute) {
                warn("\(path) was not produced (the command failed); not recorded as an output")
                continue
            }
            let name = explicitName ?? URL(fileURLWithPath: absolute).lastPathComponent
            var track = TrackRequest(path: path, name: name, kind: request.producesKind)
            track.ledger = request.ledger
            track.derivedFrom = before.parents.map(\.description)
            // What a run writes is the new version of its output's name.
            track.newVersion = true
            let tracked = try self.track(track, from: directory)
            if tracked.created { newArtifacts.append(tracked) }
            outputs.append(ArtifactUse(digest: tracked.digest, name: name, layout: tracked.layout))
        }
        let outcome: ExperimentOutcome = exitStatus.map { $0 == 0 ? .succeeded : .failed } ?? .recorded
        let record = ExperimentRecord(
            name: request.name, ledger: request.ledger, section: request.section, inputs: before.inputs, outputs: outputs,
            code: code, command: command, exitStatus: exitStatus, outcome: outcome, startedAt: startedAt,
            endedAt: command == nil ? nil : now(), recordedBy: agent, note: request.note)
        let written = try store.write(.experiment(record), to: request.ledger)
        return RecordedExperiment(experiment: record, record: written.file.relativePath, newArtifacts: newArtifacts)
    }

    /// `left=right` → (left, right) when left is a plain word; otherwise (nil, whole).
    static func splitAssignment(_ text: String) -> (String?, String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return (nil, text) }
        let left = text[..<equals]
        guard left.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else { return (nil, text) }
        return (String(left), String(text[text.index(after: equals)...]))
    }
}
