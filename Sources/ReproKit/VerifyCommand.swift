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
        /// This machine knows no copy (work tree, location store, Hugging Face cache); nothing to check.
        case absent
        /// Only a git-LFS pointer is present; its oid matches the record.
        case pointer
        /// The copy could not be checked (a FIFO or device, unreadable); the others still were.
        case problem
    }

    public var digest: Digest
    /// `file` or `folder` (an LFS pointer counts as the file it stands for).
    public var layout: ArtifactIdentity.Layout
    public var name: String
    public var path: String?
    /// Where the checked copy was found; nil when none was.
    public var place: String?
    public var status: Status
    public var actual: Digest?
    /// The layout found on disk: a file where a folder was recorded is a mismatch even with the same digest.
    public var actualLayout: ArtifactIdentity.Layout?
    /// For folders: files whose content changed, that disappeared, or that appeared.
    public var changed: [String] = []
    public var missing: [String] = []
    public var added: [String] = []
    /// Why a `problem` copy could not be checked.
    public var problem: String?
    /// Hugging Face snapshots: files whose bytes no longer match their cache blob name.
    public var corruptBlobs: [String] = []
}

public struct VerifyReport: Codable, Sendable {
    public var artifacts: [VerifiedArtifact]
    public var failed: Bool { artifacts.contains { $0.status == .mismatch || $0.status == .problem } }
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
        for identity in identities.uniqued() {
            results.append(try verify(identity, index: index, cache: cache, progress: progress))
        }
        return VerifyReport(artifacts: results)
    }

    private func verify(_ identity: ArtifactIdentity, index: RecordIndex, cache: HashCache?, progress: HashProgress?) throws -> VerifiedArtifact {
        let records = try index.artifactRecords(identity).map(\.value)
        let newest = records.last!
        guard let copy = knownCopies(of: identity.digest, records: records).present else {
            return VerifiedArtifact(digest: identity.digest, layout: identity.layout, name: newest.name, path: nil, status: .absent)
        }
        var result = VerifiedArtifact(digest: identity.digest, layout: identity.layout, name: newest.name, path: copy.shown,
                                      place: copy.place.rawValue, status: .problem)
        do {
            try check(copy, of: identity, into: &result, index: index, cache: cache, progress: progress)
        } catch let error as HashingError {
            (result.status, result.problem) = (.problem, error.description)
        } catch let error as LedgerError {
            (result.status, result.problem) = (.problem, error.description)
        } catch let error as FileSystemError {
            (result.status, result.problem) = (.problem, error.description)
        }
        return result
    }

    /// Hashes one copy; a problem with it is thrown for the caller to report and go on.
    private func check(_ found: ArtifactCopy, of identity: ArtifactIdentity, into result: inout VerifiedArtifact,
                       index: RecordIndex, cache: HashCache?, progress: HashProgress?) throws {
        // Opening a FIFO would block and a device may never end: refuse them before any read.
        if let kind = Self.specialKind(found.path) { throw HashingError.specialFile(path: found.shown, kind: kind) }
        let copy = try PresentCopy.hash(found.path, recordedAs: found.shown, cache: cache, progress: progress, warn: warn)
        result.status = copy.identity != identity ? .mismatch : copy.layout == .lfsPointer ? .pointer : .ok
        result.actual = copy.identity.digest
        result.actualLayout = copy.identity.layout
        if HuggingFaceSnapshot(path: found.path) != nil, copy.layout != .lfsPointer {
            let blobs = try copy.manifest.map { try SnapshotBlobCheck(manifest: $0, folder: found.path) }
                ?? SnapshotBlobCheck(file: found.path, digest: copy.identity.digest)
            result.corruptBlobs = blobs.mismatches.map { mismatch in
                let file = copy.manifest == nil ? found.shown : String(mismatch.path.dropFirst(found.path.count + 1))
                return "\(file) (blob \(mismatch.blob), \(mismatch.algorithm == .sha256 ? "SHA-256" : "git blob SHA-1") \(mismatch.actual))"
            }
            if !result.corruptBlobs.isEmpty { result.status = .mismatch }
        }
        if result.status == .mismatch, identity.layout == .folder {
            let recorded = try index.manifest(of: identity.digest)
            // Names from a record are only printed, never joined to a path; still, such a name is a defect.
            if let unsafe = recorded?.entries.first(where: { $0.path.hasPrefix("/") || $0.path.split(separator: "/").contains("..") }) {
                throw LedgerError.corruptRecord(path: "manifest \(identity.digest)",
                                                reason: "file path \(unsafe.path.debugDescription) is absolute or contains \"..\"; run `repro fsck`")
            }
            let difference = copy.difference(from: recorded)
            result.changed = difference.changed
            result.missing = difference.missing
            result.added = difference.added
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
