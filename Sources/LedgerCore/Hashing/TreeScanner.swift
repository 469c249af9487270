#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file found under a hashed path, before its content is read.
public struct ScannedFile: Sendable {
    /// Path relative to the scanned folder as raw bytes (POSIX names need not be UTF-8).
    public var relativePath: [UInt8]
    /// Path to open, as given plus the relative part.
    public var fullPath: String
    public var identity: FileIdentity
}

/// What one command-line path turned out to be.
public enum ScannedPath: Sendable {
    case file(ScannedFile)
    /// Every regular file under the folder, sorted by the bytes of `relativePath`.
    case folder([ScannedFile])
}

/// Walks a path the way `find -L PATH -type f` does, but refuses what `find` skips silently.
///
/// Symlinks are followed because Hugging Face snapshots are links into `blobs/`;
/// loops, dangling links and special files are errors so a digest never silently
/// leaves something out.
public enum TreeScanner {
    public static func scan(_ path: String) throws -> ScannedPath {
        let st = try statFollowing(path)
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            return .file(ScannedFile(relativePath: [], fullPath: path, identity: FileIdentity(st)))
        case S_IFDIR:
            var files: [ScannedFile] = []
            var ancestors: Set<DirectoryID> = [DirectoryID(st)]
            try walk(folder: path, relative: [], ancestors: &ancestors, into: &files)
            files.sort { $0.relativePath.lexicographicallyPrecedes($1.relativePath) }
            return .folder(files)
        default:
            throw HashingError.specialFile(path: path, kind: kindName(st.st_mode))
        }
    }

    private struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    private static func walk(
        folder: String, relative: [UInt8], ancestors: inout Set<DirectoryID>, into files: inout [ScannedFile]
    ) throws {
        guard let dir = opendir(folder) else {
            throw HashingError.unreadable(path: folder, reason: String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 {
                    throw HashingError.unreadable(path: folder, reason: String(cString: strerror(errno)))
                }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                let bytes = raw.bindMemory(to: UInt8.self)
                return Array(bytes.prefix(while: { $0 != 0 }))
            }
            if name == [0x2e] || name == [0x2e, 0x2e] { continue }
            names.append(name)
        }
        let separator = folder.hasSuffix("/") ? "" : "/"
        for name in names {
            let childPath = folder + separator + String(decoding: name, as: UTF8.self)
            let childRelative = relative.isEmpty ? name : relative + [0x2f] + name
            let st = try statFollowing(childPath)
            switch st.st_mode & S_IFMT {
            case S_IFREG:
                files.append(ScannedFile(relativePath: childRelative, fullPath: childPath, identity: FileIdentity(st)))
            case S_IFDIR:
                let id = DirectoryID(st)
                guard ancestors.insert(id).inserted else { throw HashingError.symlinkLoop(path: childPath) }
                try walk(folder: childPath, relative: childRelative, ancestors: &ancestors, into: &files)
                ancestors.remove(id)
            default:
                throw HashingError.specialFile(path: childPath, kind: kindName(st.st_mode))
            }
        }
    }

    static func statFollowing(_ path: String) throws -> stat {
        var st = stat()
        if stat(path, &st) == 0 { return st }
        let code = errno
        switch code {
        case ENOENT:
            var link = stat()
            if lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
                throw HashingError.danglingSymlink(path: path)
            }
            throw HashingError.notFound(path: path)
        case ELOOP:
            throw HashingError.symlinkLoop(path: path)
        default:
            throw HashingError.unreadable(path: path, reason: String(cString: strerror(code)))
        }
    }

    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "FIFO (named pipe)"
        case S_IFSOCK: return "socket"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        default: return "special file"
        }
    }
}
