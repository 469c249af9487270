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

    var identity: ArtifactIdentity { ArtifactIdentity(layout, digest) }

    static func make(path: String, workspace: Workspace, useCache: Bool, progress: HashProgress?) throws -> ArtifactObservation {
        if let pointer = LFSPointer.read(path: path) {
            return ArtifactObservation(digest: pointer.digest, layout: .lfsPointer, size: pointer.size, fileCount: 1, manifest: nil)
        }
        let engine = HashEngine(cache: useCache ? workspace.hashCache() : nil, progress: progress)
        let outcome = try engine.hash([path])
        outcome.cacheWarnings.forEach(workspace.warn)
        let hashed = outcome.results[0]
        if let manifest = hashed.manifest {
            if let name = manifest.entries.first(where: { String(bytes: $0.path, encoding: .utf8) == nil }) {
                throw LedgerError.invalidInput("\(path)/\(name.displayPath): file name is not valid UTF-8; rename it before tracking")
            }
            if HuggingFaceSnapshot(path: path) != nil,
               let corrupt = HuggingFaceSnapshot.firstCorruptBlob(in: manifest, folder: path) {
                throw LedgerError.lfsBlobMismatch(path: corrupt.path, expected: corrupt.blob, actual: corrupt.actual.hex)
            }
        } else if HuggingFaceSnapshot(path: path) != nil,
                  let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path),
                  let blob = Digest(parsing: (target as NSString).lastPathComponent), blob != hashed.digest {
            throw LedgerError.lfsBlobMismatch(path: path, expected: blob.hex, actual: hashed.digest.hex)
        }
        return ArtifactObservation(digest: hashed.digest, layout: hashed.kind == .folder ? .folder : .file,
                                   size: hashed.size, fileCount: hashed.fileCount, manifest: hashed.manifest)
    }
}
