import Foundation
import LedgerCore
import LedgerIndex

/// A copy of an artifact on this machine, hashed as it is now, and how it compares with
/// the artifact recorded: layout and digest both have to match.
struct PresentCopy {
    /// As recorded (relative to the work tree when inside it) and absolute.
    var path: String
    var absolutePath: String
    var identity: ArtifactIdentity
    /// `lfs-pointer` when only a pointer is present.
    var layout: ArtifactLayout
    var manifest: FolderManifest?

    /// Hashes what is at `absolutePath` now (through `cache` when given): a pointer by its oid.
    static func hash(_ absolutePath: String, recordedAs path: String, cache: HashCache?, progress: HashProgress?,
                     warn: (String) -> Void) throws -> PresentCopy {
        let observed = try ArtifactObservation.hash(absolutePath, cache: cache, progress: progress, warn: warn)
        return PresentCopy(path: path, absolutePath: absolutePath, identity: observed.identity,
                           layout: observed.layout, manifest: observed.manifest)
    }

    /// What hashing this copy checked: a git-LFS pointer names the content without holding it.
    var verification: InputVerification { layout == .lfsPointer ? .noCopy : .verified }

    /// Files of a folder that changed, went missing or appeared since `recorded` was listed.
    func difference(from recorded: ManifestRecord?) -> (changed: [String], missing: [String], added: [String]) {
        guard let recorded else { return ([], [], []) }
        return difference(from: recorded.entries.map { ($0.path, $0.digest) })
    }

    /// Same, from a listing as (path, digest) pairs; nothing when this copy is not a folder.
    func difference(from entries: [(String, Digest)]?) -> (changed: [String], missing: [String], added: [String]) {
        guard let now = manifest, let entries else { return ([], [], []) }
        let before = Dictionary(entries, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(now.entries.map { ($0.displayPath, $0.digest) }, uniquingKeysWith: { first, _ in first })
        return (before.keys.filter { after[$0] != nil && after[$0] != before[$0] }.sorted(),
                before.keys.filter { after[$0] == nil }.sorted(),
                after.keys.filter { before[$0] == nil }.sorted())
    }
}

extension Workspace {
    /// The best copy of an artifact this machine knows of (work tree, location store, Hugging
    /// Face cache), as shown and as opened. Where copies are found is decided in `knownCopies`.
    func copyPath(of records: [ArtifactRecord]) -> (recorded: String, absolute: String)? {
        guard let digest = records.last?.digest, let copy = knownCopies(of: digest, records: records).present else { return nil }
        return (copy.shown, copy.path)
    }
}
