/// What an artifact is to the experiment; decides how limitations are worded.
public enum ArtifactKind: String, Codable, CaseIterable, Sendable {
    case checkpoint, dataset, tokenizer, config, code, result, other
}

/// Whether the bytes can still be had, as of a date. `retained` is a copy the authors keep.
public enum AvailabilityStatus: String, Codable, CaseIterable, Sendable {
    case open, gated
    case apiOnly = "api-only"
    case deprecated, withdrawn, `private`, retained
}

/// How the digest was obtained.
public enum ArtifactLayout: String, Codable, Sendable {
    /// SHA-256 of the file's bytes.
    case file
    /// SHA-256 of the canonical folder manifest.
    case folder
    /// Taken from a git-LFS pointer's `oid sha256:`; the content itself was not present.
    case lfsPointer = "lfs-pointer"
}

/// How an experiment ended.
public enum ExperimentOutcome: String, Codable, Sendable {
    /// Tagged after the fact; no command was run by `repro`.
    case recorded
    case succeeded
    case failed
    /// `repro` received SIGINT, SIGTERM or SIGHUP, passed it on and waited for the command to end.
    case interrupted

    /// Whether the command did not complete normally (failed or interrupted).
    public var endedEarly: Bool { self == .failed || self == .interrupted }
}

extension Sequence where Element == ExperimentOutcome {
    /// How prose names runs that ended early: "failed", "interrupted", or both when mixed.
    public var endedEarlyPhrase: String {
        let kinds = Set(filter(\.endedEarly))
        return kinds == [.interrupted] ? "interrupted" : kinds.contains(.interrupted) ? "failed or interrupted" : "failed"
    }
}

/// Who recorded something, for the audit trail.
public struct Agent: Codable, Hashable, Sendable {
    public var user: String
    public var host: String

    public init(user: String, host: String) {
        self.user = user
        self.host = host
    }
}

/// Where an artifact came from.
public struct ArtifactSource: Codable, Hashable, Sendable {
    public enum SourceType: String, Codable, Sendable {
        case url
        case huggingface
        case path
    }

    public var type: SourceType
    public var url: String?
    /// Hugging Face repository id, e.g. `meta-llama/Llama-3.1-8B`.
    public var repo: String?
    /// Hugging Face revision (commit sha or branch).
    public var revision: String?
    /// For `path`: the copy's path relative to the work tree (records written before
    /// machine-local locations may carry an absolute path; it is never opened from here).
    /// For `huggingface`: the file or folder within the snapshot; nil for the whole snapshot.
    public var path: String?

    public static func url(_ url: String) -> ArtifactSource { ArtifactSource(type: .url, url: url) }
    public static func huggingFace(repo: String, revision: String, file: String? = nil) -> ArtifactSource {
        ArtifactSource(type: .huggingface, repo: repo, revision: revision, path: file)
    }
    public static func localPath(_ path: String) -> ArtifactSource { ArtifactSource(type: .path, path: path) }

    init(type: SourceType, url: String? = nil, repo: String? = nil, revision: String? = nil, path: String? = nil) {
        self.type = type
        self.url = url
        self.repo = repo
        self.revision = revision
        self.path = path
    }
}
