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
/// leaves something out. Large folders are stat'ed, and sibling folders walked, on
/// every core: on a warm cache the walk is most of the work.
public enum TreeScanner {
    /// Below this many entries a folder is stat'ed on the calling thread.
    static let parallelStatThreshold = 128

    public static func scan(_ path: String) throws -> ScannedPath {
        let st = try statFollowing(path)
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            return .file(ScannedFile(relativePath: [], fullPath: path, identity: FileIdentity(st)))
        case S_IFDIR:
            var files = try walk(folder: path, relative: [], ancestors: [DirectoryID(st)])
            files.sort { $0.relativePath.lexicographicallyPrecedes($1.relativePath) }
            return .folder(files)
        default:
            throw HashingError.specialFile(path: path, kind: kindName(st.st_mode))
        }
    }

    private struct DirectoryID: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    /// What one folder entry is, from `stat` following links.
    private enum Entry: Sendable {
        case file(FileIdentity)
        case folder(DirectoryID)
        case failure(HashingError)
    }

    /// `ancestors` are the folders on the way down (not every folder seen): a folder
    /// reached twice through links is hashed twice, a folder inside itself is a loop.
    private static func walk(folder: String, relative: [UInt8], ancestors: Set<DirectoryID>) throws -> [ScannedFile] {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0, let dir = fdopendir(fd) else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw HashingError.unreadable(path: folder, reason: reason)
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
        let childPath = { @Sendable (name: [UInt8]) in folder + separator + String(decoding: name, as: UTF8.self) }
        let inspect = { @Sendable (name: [UInt8]) -> Entry in
            do {
                let st = try statFollowing(name, in: fd, path: childPath(name))
                switch st.st_mode & S_IFMT {
                case S_IFREG: return .file(FileIdentity(st))
                case S_IFDIR: return .folder(DirectoryID(st))
                default: return .failure(.specialFile(path: childPath(name), kind: kindName(st.st_mode)))
                }
            } catch let error as HashingError {
                return .failure(error)
            } catch {
                return .failure(.unreadable(path: childPath(name), reason: "\(error)"))
            }
        }
        let entries: [Entry]
        if names.count < parallelStatThreshold {
            entries = names.map(inspect)
        } else {
            entries = ParallelMap.map(names.chunked(into: parallelStatThreshold)) { $0.map(inspect) }.flatMap { $0 }
        }

        var files: [ScannedFile] = []
        var subfolders: [(path: String, relative: [UInt8], id: DirectoryID)] = []
        for (name, entry) in zip(names, entries) {
            let childRelative = relative.isEmpty ? name : relative + [0x2f] + name
            switch entry {
            case .file(let identity):
                files.append(ScannedFile(relativePath: childRelative, fullPath: childPath(name), identity: identity))
            case .folder(let id):
                guard !ancestors.contains(id) else { throw HashingError.symlinkLoop(path: childPath(name)) }
                subfolders.append((childPath(name), childRelative, id))
            case .failure(let error):
                throw error
            }
        }
        if subfolders.count == 1 {
            let only = subfolders[0]
            files += try walk(folder: only.path, relative: only.relative, ancestors: ancestors.union([only.id]))
        } else if subfolders.count > 1 {
            let walked = ParallelMap.map(subfolders) { sub in
                Result { try walk(folder: sub.path, relative: sub.relative, ancestors: ancestors.union([sub.id])) }
            }
            for result in walked { files += try result.get() }
        }
        return files
    }

    static func statFollowing(_ path: String) throws -> stat {
        try path.withCString { try statFollowing(cName: $0, in: AT_FDCWD, path: path) }
    }

    /// `stat` of `name` relative to the open folder `folder` (no path walk from the root);
    /// errors name `path`.
    private static func statFollowing(_ name: [UInt8], in folder: Int32, path: String) throws -> stat {
        try (name + [0]).withUnsafeBufferPointer { bytes in
            try bytes.withMemoryRebound(to: CChar.self) { try statFollowing(cName: $0.baseAddress!, in: folder, path: path) }
        }
    }

    private static func statFollowing(cName: UnsafePointer<CChar>, in folder: Int32, path: String) throws -> stat {
        var st = stat()
        if fstatat(folder, cName, &st, 0) == 0 { return st }
        let code = errno
        switch code {
        case ENOENT:
            var link = stat()
            if fstatat(folder, cName, &link, AT_SYMLINK_NOFOLLOW) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
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
