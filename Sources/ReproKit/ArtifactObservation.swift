import Foundation
import LedgerCore

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

    static func make(path: String, workspace: Workspace, useCache: Bool, progress: HashProgress?) throws -> ArtifactObservation {
        if let pointer = LFSPointer.read(path: path) {
            return ArtifactObservation(digest: pointer.digest, layout: .lfsPointer, size: pointer.size, fileCount: 1, manifest: nil, blobs: nil)
        }
        let engine = HashEngine(cache: useCache ? workspace.hashCache() : nil, progress: progress)
        let outcome = try engine.hash([path])
        outcome.cacheWarnings.forEach(workspace.warn)
        let hashed = outcome.results[0]
        if let manifest = hashed.manifest {
            if let name = manifest.entries.first(where: { String(bytes: $0.path, encoding: .utf8) == nil }) {
                throw LedgerError.invalidInput("\(path)/\(name.displayPath): file name is not valid UTF-8; rename it before tracking")
            }
        }
        var blobs: SnapshotBlobCheck?
        if HuggingFaceSnapshot(path: path) != nil {
            let check = try hashed.manifest.map { try SnapshotBlobCheck(manifest: $0, folder: path) }
                ?? SnapshotBlobCheck(file: path, digest: hashed.digest)
            if let corrupt = check.mismatches.first { throw corrupt.error }
            blobs = check
        }
        return ArtifactObservation(digest: hashed.digest, layout: hashed.kind == .folder ? .folder : .file,
                                   size: hashed.size, fileCount: hashed.fileCount, manifest: hashed.manifest, blobs: blobs)
    }
}
