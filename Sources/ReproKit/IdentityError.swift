import LedgerCore

/// Refusals that keep records true to which bytes were used: a name is not re-pointed
/// silently, a digest shared by a file and a folder is not guessed, a changed input is not
/// recorded as the old bytes.
public enum IdentityError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// `name` already names `existing`; `path` holds `new`.
    case nameTaken(name: String, existing: ArtifactIdentity, recordedAt: String, path: String, new: ArtifactIdentity)
    /// A digest recorded both as a file and as a folder; the reference must say which.
    case ambiguousDigest(String, candidates: [String])
    /// `repro tag`: present copies differ from what their names record.
    case inputsChanged([ChangedInput])

    public var category: ErrorCategory {
        switch self {
        case .nameTaken, .ambiguousDigest: return .badInput
        case .inputsChanged: return .checkFailed
        }
    }

    public var description: String {
        switch self {
        case .nameTaken(let name, let existing, let recordedAt, let path, let new):
            return "\(name.debugDescription) already names \(existing.digest) (\(existing.layout.rawValue), recorded \(recordedAt)); "
                + "\(path) is \(new.digest) (\(new.layout.rawValue)). Give --new-version to record it as a new version of "
                + "\(name.debugDescription), or choose another --name"
        case .ambiguousDigest(let digest, let candidates):
            return "\(digest) is recorded both as a file and as a folder; name one of:\n"
                + candidates.map { "  \($0)" }.joined(separator: "\n")
        case .inputsChanged(let inputs):
            return "the present copies of these inputs differ from their recorded digests; nothing was recorded:\n"
                + inputs.map(\.description).joined(separator: "\n")
                + "\nsay what the experiment used: --as-recorded (the recorded bytes) or give the path to record the present bytes"
        }
    }
}

/// An input whose copy on this machine is not the artifact its name records.
public struct ChangedInput: Equatable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var path: String
    public var recorded: ArtifactIdentity
    public var present: ArtifactIdentity
    /// Inside a folder: files whose content changed, that are gone, or that appeared.
    public var changed: [String] = []
    public var missing: [String] = []
    public var added: [String] = []

    /// Files named one per line under the input, so a warning says exactly what differs.
    public var description: String {
        var lines = ["  \(TerminalText.escaped(name)) (\(TerminalText.escaped(path))): recorded \(recorded), present \(present)"]
        lines += changed.map { "    changed  \(TerminalText.escaped($0))" } + missing.map { "    missing  \(TerminalText.escaped($0))" } + added.map { "    added    \(TerminalText.escaped($0))" }
        return lines.joined(separator: "\n")
    }
}
