import Foundation
import LedgerCore
import LedgerIndex

/// The result of re-hashing one recorded artifact.
public struct VerifiedArtifact: Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// The bytes on disk hash to the recorded digest.
        case ok
        /// The bytes on disk differ from what was recorded.
        case mismatch
        /// No recorded local path exists any more; nothing to check.
        case absent
        /// Only a git-LFS pointer is present; its oid matches the record.
        case pointer
    }

    public var digest: Digest
    /// `file` or `folder` (an LFS pointer counts as the file it stands for).
    public var layout: ArtifactIdentity.Layout
    public var name: String
    public var path: String?
    public var status: Status
    public var actual: Digest?
    /// The layout found on disk: a file where a folder was recorded is a mismatch even with the same digest.
    public var actualLayout: ArtifactIdentity.Layout?
    /// For folders: files whose content changed, that disappeared, or that appeared.
    public var changed: [String] = []
    public var missing: [String] = []
    public var added: [String] = []
}

public struct VerifyReport: Codable, Sendable {
    public var artifacts: [VerifiedArtifact]
    public var failed: Bool { artifacts.contains { $0.status == .mismatch } }
}

extension Workspace {
    /// Re-hashes recorded artifacts that are present (through the hash cache) and names what changed.
    /// Layout and digest must both match: a file holding a folder's listing is not that folder.
    public func verify(_ references: [String], useCache: Bool = true, progress: HashProgress? = nil) throws -> VerifyReport {
        let index = try index()
        let resolver = ArtifactResolver(index: index, warn: warn)
        var identities: [ArtifactIdentity] = []
        if references.isEmpty {
            try index.forEach(ArtifactRecord.self, recordType: .artifact) { identities.append($0.value.identity) }
        } else {
            identities = try references.map { try resolver.resolve($0) }
        }
        let cache = useCache ? hashCache() : nil
        var results: [VerifiedArtifact] = []
        for identity in unique(identities) {
            results.append(try verify(identity, index: index, cache: cache, progress: progress))
        }
        return VerifyReport(artifacts: results)
    }

    private func verify(_ identity: ArtifactIdentity, index: RecordIndex, cache: HashCache?, progress: HashProgress?) throws -> VerifiedArtifact {
        let records = try index.artifactRecords(identity).map(\.value)
        let newest = records.last!
        guard let found = copyPath(of: records) else {
            let paths = unique(records.reversed().flatMap(\.sources).compactMap(\.path))
            return VerifiedArtifact(digest: identity.digest, layout: identity.layout, name: newest.name, path: paths.first, status: .absent)
        }
        let relative = found.recorded
        let copy = try PresentCopy.hash(found.absolute, recordedAs: relative, cache: cache, progress: progress, warn: warn)
        let status: VerifiedArtifact.Status = copy.identity != identity ? .mismatch : copy.layout == .lfsPointer ? .pointer : .ok
        var result = VerifiedArtifact(digest: identity.digest, layout: identity.layout, name: newest.name, path: relative,
                                      status: status, actual: copy.identity.digest, actualLayout: copy.identity.layout)
        if status == .mismatch, identity.layout == .folder {
            let difference = copy.difference(from: try index.manifest(of: identity.digest))
            result.changed = difference.changed
            result.missing = difference.missing
            result.added = difference.added
        }
        return result
    }
}
