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
        if let pointer = LFSPointer.read(path: absolutePath) {
            return PresentCopy(path: path, absolutePath: absolutePath, identity: ArtifactIdentity(.lfsPointer, pointer.digest),
                               layout: .lfsPointer, manifest: nil)
        }
        let outcome = try HashEngine(cache: cache, progress: progress).hash([absolutePath])
        outcome.cacheWarnings.forEach(warn)
        let hashed = outcome.results[0]
        let layout: ArtifactLayout = hashed.kind == .folder ? .folder : .file
        return PresentCopy(path: path, absolutePath: absolutePath, identity: ArtifactIdentity(layout, hashed.digest),
                           layout: layout, manifest: hashed.manifest)
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
    /// The first recorded local path of an artifact that exists on this machine, newest record first.
    /// (Where copies are found is one decision, kept here.)
    func copyPath(of records: [ArtifactRecord]) -> (recorded: String, absolute: String)? {
        let paths = unique(records.reversed().flatMap(\.sources).compactMap(\.path))
        for path in paths {
            let absolute = absoluteRecordedPath(path)
            if FileManager.default.fileExists(atPath: absolute) { return (path, absolute) }
        }
        return nil
    }

    /// Recorded paths are relative to the work tree unless absolute.
    func absoluteRecordedPath(_ recorded: String) -> String {
        recorded.hasPrefix("/") ? recorded : top.appendingPathComponent(recorded).path
    }
}
