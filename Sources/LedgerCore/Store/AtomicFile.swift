import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that no reader ever sees part of it: temporary name in the
/// same folder, fsync, rename, fsync of the folder.
enum AtomicFile {
    /// Marks temporary files so `fsck` can find and remove ones a killed writer left.
    static let temporaryMarker = ".tmp."

    /// Returns false when `path` already exists (content-addressed: same name, same bytes).
    /// `durable: false` skips the fsyncs, for generated benchmark data only.
    static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(LedgerError) -> Bool {
        if access(path, F_OK) == 0 { return false }
        let folder = (path as NSString).deletingLastPathComponent
        try makeFolder(folder)
        let name = (path as NSString).lastPathComponent
        let temporary = folder + "/." + name + temporaryMarker + "\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(folder) }
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return !durable || fsync(fd) == 0
        }
        let code = errno
        close(fd)
        guard ok else {
            unlink(temporary)
            throw LedgerError.notWritable(path: path, reason: String(cString: strerror(code)))
        }
        guard rename(temporary, path) == 0 else {
            let renameError = failure(path)
            unlink(temporary)
            throw renameError
        }
        if durable { syncFolder(folder) }
        return true
    }

    /// Creates a folder and its parents, syncing each new one into its parent.
    static func makeFolder(_ folder: String) throws(LedgerError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue { return }
        let parent = (folder as NSString).deletingLastPathComponent
        if parent != folder { try makeFolder(parent) }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw failure(folder) }
        syncFolder(parent)
    }

    private static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    private static func failure(_ path: String) -> LedgerError {
        .notWritable(path: path, reason: String(cString: strerror(errno)))
    }
}
