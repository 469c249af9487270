import Foundation

/// A folder inside the Hugging Face hub cache:
/// `…/models--ORG--NAME/snapshots/REVISION[/sub/path]`.
///
/// The path alone names the repository and the revision, and every file links to
/// `blobs/<sha256>` (for LFS files), so the download can be checked against the hub.
public struct HuggingFaceSnapshot: Hashable, Sendable {
    public var repository: String
    public var revision: String
    /// `models`, `datasets` or `spaces`.
    public var repositoryType: String

    /// Recognises the cache layout from the path's components; nil for other paths.
    public init?(path: String) {
        let components = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        guard let snapshots = components.lastIndex(of: "snapshots"), snapshots >= 1,
              snapshots + 1 < components.count else { return nil }
        let holder = components[snapshots - 1]
        let parts = holder.components(separatedBy: "--")
        guard parts.count >= 3, ["models", "datasets", "spaces"].contains(parts[0]) else { return nil }
        repositoryType = parts[0]
        repository = parts[1...].joined(separator: "/")
        revision = components[snapshots + 1]
    }

    /// The repository's `blobs/` folder for a canonical path inside a snapshot
    /// (`…/models--ORG--NAME/snapshots/REV[/sub]` → `…/models--ORG--NAME/blobs`): where the
    /// snapshot's links may lead. Nil for any other path.
    public static func blobsFolder(of canonicalPath: String) -> String? {
        guard HuggingFaceSnapshot(path: canonicalPath) != nil else { return nil }
        let components = canonicalPath.split(separator: "/", omittingEmptySubsequences: false)
        guard let snapshots = components.lastIndex(of: "snapshots") else { return nil }
        return components[..<snapshots].joined(separator: "/") + "/blobs"
    }
}
