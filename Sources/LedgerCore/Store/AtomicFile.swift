import Foundation
import SystemPackage

/// Writes a file so that no reader ever sees part of it; the work is done by
/// `OpenFolder.writeFile` (temporary name, fsync, rename, fsync of the folder).
public enum AtomicFile {
    /// Marks temporary files so `fsck` can find and remove ones a killed writer left.
    static let temporaryMarker = TemporaryFile.marker

    /// Replaces `path` whole, for generated files (`-o statement.tex`) that a LaTeX build
    /// running at the same time must never see half written. The path is the user's
    /// argument; a symlink at `path` itself is replaced, never written through.
    public static func replace(_ bytes: [UInt8], at path: String) throws(LedgerError) {
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        do {
            let folder = try OpenFolder.root(FilePath(parent.isEmpty ? "." : parent), displayedAs: parent.isEmpty ? "." : parent)
            try folder.writeFile(name, bytes, replacing: true)
        } catch {
            throw .notWritable(path: path, reason: error.reason)
        }
    }
}
