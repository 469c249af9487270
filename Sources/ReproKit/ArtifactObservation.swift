import Foundation
import LedgerCore
import LedgerIndex

/// The digest of something on disk as a ledger records it: a file, a folder with its
/// manifest, or a git-LFS pointer standing in for content that was never downloaded.
struct ArtifactObservation {
    var digest: Digest
    var layout: ArtifactLayout
    var size: Int64
    var fileCount: Int
    var manifest: FolderManifest?
    /// For a Hugging Face snapshot: which files are LFS and the git blob ids of the others.
    var blobs: SnapshotBlobCheck?

    var identity: ArtifactIdentity { ArtifactIdentity(layout, digest) }

    /// Hashes `path` as it is now (through `cache` when given): a git-LFS pointer by its oid,
    /// otherwise the file or folder. The one place copies are hashed for track, locate,
    /// verify and run.
    static func hash(_ path: String, cache: HashCache?, progress: HashProgress?,
                     warn: (String) -> Void) throws -> ArtifactObservation {
        if let pointer = LFSPointer.read(path: path) {
            return ArtifactObservation(digest: pointer.digest, layout: .lfsPointer, size: pointer.size, fileCount: 1, manifest: nil, blobs: nil)
        }
        let outcome = try HashEngine(cache: cache, progress: progress).hash([path])
        outcome.cacheWarnings.forEach(warn)
        let hashed = outcome.results[0]
        return ArtifactObservation(digest: hashed.digest, layout: hashed.kind == .folder ? .folder : .file,
                                   size: hashed.size, fileCount: hashed.fileCount, manifest: hashed.manifest, blobs: nil)
    }

    /// As `hash`, and for a Hugging Face snapshot every file checked against its git blob id
    /// or LFS oid (a corrupt blob is an error). Names that are not UTF-8 were refused by the walk.
    static func make(path: String, workspace: Workspace, useCache: Bool, progress: HashProgress?) throws -> ArtifactObservation {
        var observed = try hash(path, cache: useCache ? workspace.hashCache() : nil, progress: progress, warn: workspace.warn)
        if observed.layout != .lfsPointer, HuggingFaceSnapshot(path: path) != nil {
            let check = try observed.manifest.map { try SnapshotBlobCheck(manifest: $0, folder: path) }
                ?? SnapshotBlobCheck(file: path, digest: observed.digest)
            if let corrupt = check.mismatches.first { throw corrupt.error }
            observed.blobs = check
        }
        return observed
    }
}
