#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// A folder held open by descriptor. Everything below it is reached one name at a time
/// relative to the descriptor, with `O_NOFOLLOW`, so a symlink planted anywhere inside
/// (by a pull request, a cluster job) can never lead a read, write or delete elsewhere.
///
/// Only the root is opened by path: it is the work tree the user chose.
public final class OpenFolder: Sendable {
    public let descriptor: FileDescriptor
    /// For messages: relative to the work tree when inside it.
    public let path: String

    init(descriptor: FileDescriptor, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { try? descriptor.close() }

    /// Opens a folder the user named (the work tree top); symlinks in that path are the user's.
    public static func root(_ path: FilePath, displayedAs shown: String) throws(FileSystemError) -> OpenFolder {
        let fd = try SystemCall.retrying("open", shown) { path.withPlatformString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } }
        return OpenFolder(descriptor: FileDescriptor(rawValue: fd), path: shown)
    }

    /// The path of `name` inside this folder, for messages.
    public func child(_ name: String) -> String { path.isEmpty || path == "." ? name : path + "/" + name }

    /// Opens the folder `name` inside this one; refuses a symlink or anything but a folder.
    public func folder(_ name: String) throws(FileSystemError) -> OpenFolder {
        try Self.check(name)
        let shown = child(name)
        let fd = SystemCall.retryingRaw { openat(descriptor.rawValue, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { throw explain(errno, opening: name, expected: .folder) }
        return OpenFolder(descriptor: FileDescriptor(rawValue: fd), path: shown)
    }

    /// Opens `name`, or nil when it does not exist.
    public func folderIfPresent(_ name: String) throws(FileSystemError) -> OpenFolder? {
        do throws(FileSystemError) { return try folder(name) } catch .system(_, _, .noSuchFileOrDirectory) { return nil }
    }

    /// Opens the folder at `components` below this one, one component at a time.
    public func folder(at components: [String]) throws(FileSystemError) -> OpenFolder {
        var current = self
        for name in components { current = try current.folder(name) }
        return current
    }

    /// Opens `name`, creating it first when absent (and syncing this folder so it lasts).
    public func makeFolder(_ name: String, durable: Bool = true) throws(FileSystemError) -> OpenFolder {
        try Self.check(name)
        if mkdirat(descriptor.rawValue, name, 0o755) == 0 {
            if durable { sync() }
        } else if errno != EEXIST {
            throw .system(operation: "mkdir", path: child(name), errno: Errno(rawValue: errno))
        }
        return try folder(name)
    }

    /// What `name` is, without following it; nil when it does not exist.
    public func kind(of name: String) throws(FileSystemError) -> EntryKind? {
        try status(of: name).map { EntryKind($0.type) }
    }

    /// `fstatat(AT_SYMLINK_NOFOLLOW)`; nil when `name` does not exist.
    public func status(of name: String) throws(FileSystemError) -> Stat? {
        try Self.check(name)
        do throws(Errno) {
            return try Stat(FilePath(name), relativeTo: descriptor, flags: .symlinkNoFollow)
        } catch .noSuchFileOrDirectory {
            return nil
        } catch {
            throw .system(operation: "stat", path: child(name), errno: error)
        }
    }

    /// `lstat` of a path the caller chose (a work-tree path git is about to store); nil when
    /// nothing is there (ENOENT, or ENOTDIR for a path below a file).
    public static func linkStatus(_ path: FilePath) throws(FileSystemError) -> Stat? {
        do throws(Errno) {
            return try Stat(path, followTargetSymlink: false)
        } catch .noSuchFileOrDirectory, .notDirectory {
            return nil
        } catch {
            throw .system(operation: "stat", path: path.string, errno: error)
        }
    }

    /// Removes the file `name` of this folder (never a folder, never through a link).
    public func removeFile(_ name: String) throws(FileSystemError) {
        try Self.check(name)
        guard unlinkat(descriptor.rawValue, name, 0) == 0 else {
            throw .system(operation: "unlink", path: child(name), errno: Errno(rawValue: errno))
        }
    }

    /// Flushes this folder's entries (a new name) to disk; best effort.
    public func sync() { _ = fsync(descriptor.rawValue) }

    /// Names handed to this layer are single components: no "/", not "." or "..".
    static func check(_ name: String) throws(FileSystemError) {
        guard !name.isEmpty, name != ".", name != "..", !name.utf8.contains(UInt8(ascii: "/")), !name.utf8.contains(0) else {
            throw .invalidName(name)
        }
    }

    /// Turns an `openat` failure into the error that says what was really there.
    func explain(_ code: Int32, opening name: String, expected: EntryKind) -> FileSystemError {
        let shown = child(name)
        if code == ELOOP || code == ENOTDIR || code == ENXIO || code == EISDIR,
           let kind = try? self.kind(of: name), kind != expected {
            return kind.isSpecial ? .notFollowed(path: shown, kind: kind) : .wrongKind(path: shown, kind: kind, expected: expected)
        }
        return .system(operation: "open", path: shown, errno: Errno(rawValue: code))
    }
}

/// Retries system calls interrupted by a signal and turns failures into `FileSystemError`.
enum SystemCall {
    static func retryingRaw(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }

    static func retrying(_ operation: String, _ path: String, _ call: () -> Int32) throws(FileSystemError) -> Int32 {
        let result = retryingRaw(call)
        guard result >= 0 else { throw .system(operation: operation, path: path, errno: Errno(rawValue: errno)) }
        return result
    }
}
