#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

extension OpenFolder {
    /// Opens a folder by path. `followingLinks: false` refuses a link as the last component
    /// (a folder a walk just saw as a real folder must still be one when it is opened).
    public static func at(_ path: String, followingLinks: Bool) throws(FileSystemError) -> OpenFolder {
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW)
        let fd = try SystemCall.retrying("open", path) { Glibc.open(path, flags) }
        return OpenFolder(descriptor: FileDescriptor(rawValue: fd), path: path)
    }

    /// `fstatat(AT_SYMLINK_NOFOLLOW)` of a NUL-terminated name from `names()`, with no
    /// `FilePath` or `String` made on the way (a walk does this once per file); nil when absent.
    public func status(ofEntry name: [UInt8], shown: @autoclosure () -> String) throws(FileSystemError) -> Stat? {
        do throws(Errno) {
            return try name.withUnsafeBufferPointer { bytes throws(Errno) in
                try bytes.withMemoryRebound(to: CChar.self) { chars throws(Errno) in
                    try Stat(chars.baseAddress!, relativeTo: descriptor, flags: .symlinkNoFollow)
                }
            }
        } catch .noSuchFileOrDirectory {
            return nil
        } catch {
            throw .system(operation: "stat", path: shown(), errno: error)
        }
    }

    /// `stat` of a path, following links when asked; nil when nothing is there (ENOENT, or
    /// ENOTDIR for a path below a file).
    public static func status(_ path: String, followingLinks: Bool) throws(FileSystemError) -> Stat? {
        do throws(Errno) {
            return try Stat(FilePath(path), followTargetSymlink: followingLinks)
        } catch .noSuchFileOrDirectory, .notDirectory {
            return nil
        } catch {
            throw .system(operation: "stat", path: path, errno: error)
        }
    }

    /// The target a symbolic link holds, as bytes (it need not be UTF-8).
    public static func linkTarget(_ path: String) throws(FileSystemError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { readlink(path, $0.baseAddress!, $0.count) }
        }
        guard count >= 0 else { throw .system(operation: "readlink", path: path, errno: Errno(rawValue: errno)) }
        return Array(buffer[..<count])
    }

    /// The path with every link, `.` and `..` resolved (`realpath`); nil when some component
    /// does not exist.
    public static func canonicalPath(_ path: String) throws(FileSystemError) -> String? {
        guard let resolved = realpath(path, nil) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw .system(operation: "realpath", path: path, errno: Errno(rawValue: code))
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
