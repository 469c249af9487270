import Foundation
import LedgerCore

/// How `repro run` runs the command, beyond what is recorded.
public struct RunOptions: Sendable {
    /// Keeps stdout for the one JSON document of `--json`.
    public var commandOutputToStderr = false
    /// Run under strace and record what the command opened.
    public var trace = false
    /// Untracked files at least this large that the command read are listed in a warning.
    public var largeFileThreshold: Int64 = 10 * 1024 * 1024

    public init() {}
}

/// What `repro run` learned while the command ran, added to its record.
struct RunFacts {
    var interruptedBy: String?
    /// Nil under `REPRO_NO_COMPUTE=1`: measurements differ on every run, so a ledger meant to be
    /// byte-identical when regenerated (the shipped example's) leaves them out.
    var compute: ComputeRecord?
    var trace: TraceFindings?

    init(_ run: SupervisedRun, machine: MachineRecord) {
        interruptedBy = run.interruptedBy.map(SignalForwarder.name)
        compute = ComputeRecord(wallMilliseconds: run.wallMilliseconds, userCPUMilliseconds: run.usage.userMilliseconds,
                                systemCPUMilliseconds: run.usage.systemMilliseconds, peakRSSBytes: run.usage.peakRSSBytes,
                                machine: machine)
    }

    func apply(to record: inout ExperimentRecord) {
        record.interruptedBy = interruptedBy
        record.compute = compute
        if let trace {
            record.observedInputs = trace.observed
            record.unopenedInputs = trace.unopened
        }
    }
}

extension Workspace {
    /// Parses the trace, maps it to artifacts and raises its warnings.
    func traceFindings(_ trace: TraceSession, request: ExperimentRequest, declared: [ArtifactUse], from directory: URL,
                       options: RunOptions) throws -> TraceFindings {
        let outputs = request.produces.map { absolutePath(Self.splitAssignment($0).1, from: directory) }
        let findings = try mapTrace(trace.read(), declared: declared, outputs: outputs,
                                    largeFileThreshold: options.largeFileThreshold)
        traceWarnings(findings, declared: declared, threshold: options.largeFileThreshold).forEach(warn)
        return findings
    }
}
