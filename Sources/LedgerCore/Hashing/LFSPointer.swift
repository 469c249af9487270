import Foundation
import SystemPackage

/// A git-LFS pointer file: the text git stores in place of a large file.
///
/// Its `oid sha256:` is the SHA-256 of the real content, so a pointer lets `repro`
/// record the digest of weights that were never downloaded.
public struct LFSPointer: Hashable, Sendable {
    public var digest: Digest
    public var size: Int64

    /// Pointer files are small; anything larger is content.
    public static let maximumSize = 1024

    /// Parses the pointer format (spec v1); nil for anything else.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count <= Self.maximumSize, let text = String(bytes: bytes, encoding: .utf8),
              text.hasPrefix("version https://git-lfs.github.com/spec/v1\n") else { return nil }
        var oid: Digest?
        var size: Int64?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("oid sha256:") {
                oid = Digest(parsing: String(line.dropFirst("oid ".count)))
            } else if line.hasPrefix("size ") {
                size = Int64(line.dropFirst("size ".count))
            }
        }
        guard let oid, let size, size >= 0 else { return nil }
        digest = oid
        self.size = size
    }

    /// Reads `path` and parses it when it is a regular file small enough to be a pointer
    /// (through the file-system layer: a FIFO is never opened for reading, a big file never read).
    public static func read(path: String) -> LFSPointer? {
        guard let bytes = try? OpenFolder.readUserFile(FilePath(path), limit: maximumSize) else { return nil }
        return LFSPointer(bytes)
    }
}
