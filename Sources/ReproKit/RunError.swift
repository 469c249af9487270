import LedgerCore

/// Why `repro run` stopped. Every case but `notRecorded` is raised before the command starts,
/// and says so: a scheduler can tell "never ran" from "ran, not recorded".
public enum RunError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    case nothingToRun
    case commandNotFound(String)
    case ledgerNotWritable(path: String, reason: String)
    case inputUnreadable(name: String, path: String, reason: String)
    case traceUnavailable(String)
    case cannotSupervise(String)
    /// The host name the compute record would carry (`REPRO_HOST` or the machine's) is not one line of text.
    case invalidHost(String)
    /// The command ran; its record could not be written. `json` is the record, for `repro tag --from-json`.
    case notRecorded(reason: String, json: String, exitStatus: Int32)

    public var category: ErrorCategory {
        switch self {
        case .nothingToRun, .commandNotFound, .invalidHost: return .badInput
        case .ledgerNotWritable, .inputUnreadable, .traceUnavailable, .cannotSupervise, .notRecorded: return .environment
        }
    }

    public var description: String {
        let notRun = "; the command was not run"
        switch self {
        case .nothingToRun: return "nothing to run: give the command after --"
        case .commandNotFound(let name): return "cannot run \(name.debugDescription): not found or not executable\(notRun)"
        case .ledgerNotWritable(let path, let reason): return "cannot write to \(path): \(reason)\(notRun)"
        case .inputUnreadable(let name, let path, let reason):
            return "input \(name) cannot be read at \(path): \(reason)\(notRun)"
        case .traceUnavailable(let reason): return "--trace is not available: \(reason)\(notRun)"
        case .cannotSupervise(let reason): return "\(reason)\(notRun)"
        case .invalidHost(let host):
            return "invalid host name \(host.quotedForMessage) (REPRO_HOST, or this machine's name): "
                + "\(FieldRules.lineProblem(host) ?? "it is not one line of text")\(notRun)"
        case .notRecorded(let reason, let json, let status):
            return """
                the command ran (exit status \(status)) but its record could not be written: \(reason)
                the record follows; save it to a file and enter it with `repro tag --from-json FILE` once the ledger is writable:
                \(json)
                """
        }
    }
}
