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
        /// This machine knows no copy (work tree, location store, Hugging Face cache); nothing to check.
        case absent
        /// Only a git-LFS pointer is present; its oid matches the record.
        case pointer
        /// The copy could not be checked (a FIFO or device, unreadable); the others still were.
        case problem
    }

    public var digest: Digest
    public var name: String
    public var path: String?
    /// Where the checked copy was found; nil when none was.
    public var place: String?
    public var status: Status
    public var actual: Digest?
    /// For folders: files whose content changed, that disappeared, or that appeared.
    public var changed: [String] = []
    public var missing: [String] = []
    public var added: [String] = []
    /// Why a `problem` copy could not be checked.
    public var problem: String?
}

public struct VerifyReport: Codable, Sendable {
    public var artifacts: [VerifiedArtifact]
    public var failed: Bool { artifacts.contains { $0.status == .mismatch || $0.status == .problem } }
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
        for digest in unique(digests) {
            results.append(try verify(digest, index: index, cache: cache, progress: progress))
        }
        return VerifyReport(artifacts: results)
    }

    private func verify(_ digest: Digest, index: RecordIndex, cache: HashCache?, progress: HashProgress?) throws -> VerifiedArtifact {
        let records = try index.artifactRecords(digest).map(\.value)
        let newest = records.last!
        guard let copy = knownCopies(of: digest, records: records).present else {
            return VerifiedArtifact(digest: digest, name: newest.name, path: nil, status: .absent)
        }
        var result = VerifiedArtifact(digest: digest, name: newest.name, path: copy.shown, place: copy.place.rawValue, status: .problem)
        do {
            try check(copy.path, of: digest, into: &result, index: index, cache: cache, progress: progress)
        } catch let error as HashingError {
            (result.status, result.problem) = (.problem, error.description)
        } catch let error as LedgerError {
            (result.status, result.problem) = (.problem, error.description)
        }
        return result
    }

    /// Hashes one copy; a problem with it is thrown for the caller to report and go on.
    private func check(_ path: String, of digest: Digest, into result: inout VerifiedArtifact,
                       index: RecordIndex, cache: HashCache?, progress: HashProgress?) throws {
        // Opening a FIFO would block and a device may never end: refuse them before any read.
        if let kind = Self.specialKind(path) { throw HashingError.specialFile(path: result.path ?? path, kind: kind) }
        if let pointer = LFSPointer.read(path: path) {
            result.status = pointer.digest == digest ? .pointer : .mismatch
            result.actual = pointer.digest
            return
        }
        let outcome = try HashEngine(cache: cache, progress: progress).hash([path])
        outcome.cacheWarnings.forEach(warn)
        let hashed = outcome.results[0]
        result.status = hashed.digest == digest ? .ok : .mismatch
        result.actual = hashed.digest
        if result.status == .mismatch, let now = hashed.manifest, let then = try index.manifest(of: digest) {
            // Names from a record are only printed, never joined to a path; still, such a name is a defect.
            if let unsafe = then.entries.first(where: { $0.path.hasPrefix("/") || $0.path.split(separator: "/").contains("..") }) {
                throw LedgerError.corruptRecord(path: "manifest \(then.folder)",
                                                reason: "file path \(unsafe.path.debugDescription) is absolute or contains \"..\"; run `repro fsck`")
            }
            let before = Dictionary(then.entries.map { ($0.path, $0.digest) }, uniquingKeysWith: { first, _ in first })
            let after = Dictionary(now.entries.map { ($0.displayPath, $0.digest) }, uniquingKeysWith: { first, _ in first })
            result.changed = before.keys.filter { after[$0] != nil && after[$0] != before[$0] }.sorted()
            result.missing = before.keys.filter { after[$0] == nil }.sorted()
            result.added = after.keys.filter { before[$0] == nil }.sorted()
        }
    }

    /// "FIFO", "device", "socket" for what the path leads to (links followed); nil for a file or folder.
    static func specialKind(_ path: String) -> String? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType else { return nil }
        switch type {
        case .typeRegular, .typeDirectory, .typeSymbolicLink: return nil
        case .typeCharacterSpecial: return "character device"
        case .typeBlockSpecial: return "block device"
        case .typeSocket: return "socket"
        // Foundation has no case for a named pipe; it is the one left.
        default: return "FIFO (named pipe)"
        }
    }
}
