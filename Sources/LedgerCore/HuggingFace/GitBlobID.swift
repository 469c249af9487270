import Crypto
import Foundation

/// The git object id of a file's bytes as a blob: SHA-1 of `blob <size>\0` + bytes.
///
/// The Hugging Face cache names non-LFS blobs by it and the Hub reports it as `blobId`,
/// so it is how those files are checked; SHA-1 serves that comparison only.
public enum GitBlobID {
    public static func of(_ bytes: [UInt8]) -> String {
        var hasher = Insecure.SHA1()
        hasher.update(data: Array("blob \(bytes.count)\0".utf8))
        hasher.update(data: bytes)
        return Digest.hexString(hasher.finalize())
    }

    /// Streams the file in 1 MiB reads. The header needs the size up front: it is taken
    /// from the open file, and a file whose length differs from it by the end was
    /// changed while read, which is reported rather than hashed. `path` is a file of a
    /// snapshot already hashed (its link checked then), so the link is followed.
    public static func of(path: String) throws -> String {
        let file = try ReadOnlyFile.open(path, shown: path, followingLinks: true)
        defer { file.close() }
        let status = try file.status()
        guard EntryKind(status.type) == .regular else {
            throw HashingError.specialFile(path: path, kind: TreeScanner.kindName(status.type))
        }
        var hasher = Insecure.SHA1()
        hasher.update(data: Array("blob \(status.size)\0".utf8))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var read: Int64 = 0
        while true {
            let count = try file.read(into: buffer)
            if count == 0 { break }
            read += Int64(count)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
        guard read == status.size else { throw HashingError.changedWhileHashing(path: path) }
        return Digest.hexString(hasher.finalize())
    }
}
