#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// What replacing a whole file (a rebuilt cache) needs beyond `writeFile`: the file is
/// written by someone else (SQLite), so this layer only syncs, renames and locks by name.
extension OpenFolder {
    /// Renames `name` over `target` in this folder (atomic: a reader sees one or the other).
    public func rename(_ name: String, to target: String) throws(FileSystemError) {
        try Self.check(name)
        try Self.check(target)
        guard renameat(descriptor.rawValue, name, descriptor.rawValue, target) == 0 else {
            throw .system(operation: "rename", path: child(name), errno: Errno(rawValue: errno))
        }
    }

    /// Removes the file `name` when it is there.
    public func removeFileIfPresent(_ name: String) throws(FileSystemError) {
        do throws(FileSystemError) { try removeFile(name) } catch .system(_, _, .noSuchFileOrDirectory) {}
    }

    /// Flushes the contents of the file `name` to disk.
    public func syncFile(_ name: String) throws(FileSystemError) {
        try Self.check(name)
        let fd = try SystemCall.retrying("open", child(name)) {
            openat(descriptor.rawValue, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .system(operation: "fsync", path: child(name), errno: Errno(rawValue: errno)) }
    }

    /// Holds an exclusive `flock` on `name` (created when absent), waiting for whoever holds it.
    /// The kernel releases it when the returned lock goes away or the process dies, even by SIGKILL.
    public func lockExclusively(_ name: String) throws(FileSystemError) -> FileLock {
        try Self.check(name)
        let fd = try SystemCall.retrying("open", child(name)) {
            openat(descriptor.rawValue, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard SystemCall.retryingRaw({ flock(fd, LOCK_EX) }) == 0 else {
            let code = errno
            close(fd)
            throw .system(operation: "lock", path: child(name), errno: Errno(rawValue: code))
        }
        return FileLock(descriptor: fd)
    }
}

/// An exclusive `flock`, released when this goes away.
public final class FileLock: Sendable {
    private let descriptor: Int32

    init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }
}
