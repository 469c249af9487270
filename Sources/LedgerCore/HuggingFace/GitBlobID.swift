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
    /// changed while read, which is reported rather than hashed.
    public static func of(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw HashingError.unreadable(path: path, reason: "cannot open")
        }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            var hasher = Insecure.SHA1()
            hasher.update(data: Array("blob \(size)\0".utf8))
            var read: UInt64 = 0
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                read += UInt64(chunk.count)
                hasher.update(data: chunk)
            }
            guard read == size else { throw HashingError.changedWhileHashing(path: path) }
            return Digest.hexString(hasher.finalize())
        } catch let error as HashingError {
            throw error
        } catch {
            throw HashingError.unreadable(path: path, reason: "\(error)")
        }
    }
}
