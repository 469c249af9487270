import Algorithms
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
    public var name: String
    public var path: String?
    public var status: Status
    public var actual: Digest?
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
    public func verify(_ references: [String], useCache: Bool = true, progress: HashProgress? = nil) throws -> VerifyReport {
        let index = try index()
        let resolver = ArtifactResolver(index: index)
        var digests: [Digest] = []
        if references.isEmpty {
            try index.forEach(ArtifactRecord.self, recordType: .artifact) { digests.append($0.value.digest) }
        } else {
            digests = try references.map { try resolver.resolve($0) }
        }
        let cache = useCache ? hashCache() : nil
        var results: [VerifiedArtifact] = []
        for digest in digests.uniqued() {
            results.append(try verify(digest, index: index, cache: cache, progress: progress))
        }
        return VerifyReport(artifacts: results)
    }

    private func verify(_ digest: Digest, index: RecordIndex, cache: HashCache?, progress: HashProgress?) throws -> VerifiedArtifact {
        let records = try index.artifactRecords(digest).map(\.value)
        let newest = records.last!
        let paths = Array(records.reversed().flatMap(\.sources).compactMap(\.path).uniqued())
        guard let relative = paths.first(where: { FileManager.default.fileExists(atPath: absolute($0)) }) else {
            return VerifiedArtifact(digest: digest, name: newest.name, path: paths.first, status: .absent)
        }
        let path = absolute(relative)
        if let pointer = LFSPointer.read(path: path) {
            let status: VerifiedArtifact.Status = pointer.digest == digest ? .pointer : .mismatch
            return VerifiedArtifact(digest: digest, name: newest.name, path: relative, status: status, actual: pointer.digest)
        }
        let outcome = try HashEngine(cache: cache, progress: progress).hash([path])
        outcome.cacheWarnings.forEach(warn)
        let hashed = outcome.results[0]
        var result = VerifiedArtifact(digest: digest, name: newest.name, path: relative,
                                      status: hashed.digest == digest ? .ok : .mismatch, actual: hashed.digest)
        if result.status == .mismatch, let now = hashed.manifest, let then = try index.manifest(of: digest) {
            let before = Dictionary(then.entries.map { ($0.path, $0.digest) }, uniquingKeysWith: { first, _ in first })
            let after = Dictionary(now.entries.map { ($0.displayPath, $0.digest) }, uniquingKeysWith: { first, _ in first })
            result.changed = before.keys.filter { after[$0] != nil && after[$0] != before[$0] }.sorted()
            result.missing = before.keys.filter { after[$0] == nil }.sorted()
            result.added = after.keys.filter { before[$0] == nil }.sorted()
        }
        return result
    }

    private func absolute(_ recorded: String) -> String {
        recorded.hasPrefix("/") ? recorded : top.appendingPathComponent(recorded).path
    }
}
