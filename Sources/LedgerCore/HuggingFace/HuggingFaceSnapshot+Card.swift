import Foundation

extension HuggingFaceSnapshot {
    /// Whether a revision is a full 40-hex commit id, the only kind that pins bytes:
    /// a branch or tag name can be moved on the Hub.
    public static func isCommit(_ revision: String) -> Bool {
        revision.utf8.count == 40 && revision.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// `…/snapshots/<revision>` of a path inside a snapshot: where its `README.md` lives.
    public static func root(of path: String) -> String? {
        let components = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        guard let snapshots = components.lastIndex(of: "snapshots"), snapshots + 1 < components.count else { return nil }
        return NSString.path(withComponents: Array(components[...(snapshots + 1)]))
    }
}
