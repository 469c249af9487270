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
            return .folder(try walk(folder: path, relative: [], ancestors: [FileKey(st)]))
        default:
            throw HashingError.specialFile(path: path, kind: kindName(st.st_mode))
        }
    }

    /// What one folder entry is, from `stat` following links.
    private enum Entry: Sendable {
        case file(FileIdentity)
        case folder(FileKey)
        case failure(HashingError)
    }

    /// `ancestors` are the folders on the way down (not every folder seen): a folder
    /// reached twice through links is hashed twice, a folder inside itself is a loop.
    ///
    /// Returns the files in the byte order of their relative paths, without a global
    /// sort: siblings are ordered by name, a folder's name taken with its trailing `/`,
    /// which is exactly where its files fall among its siblings' paths.
    private static func walk(folder: String, relative: [UInt8], ancestors: Set<FileKey>) throws -> [ScannedFile] {
        // Listed and stat'ed with the folder open, then closed before descending, so open
        // descriptors do not pile up with the depth of the tree.
        let (names, entries) = try list(folder)
        let childPath = { (name: [UInt8]) in path(of: name, in: folder) }

        var order: [(key: [UInt8], index: Int)] = []
        order.reserveCapacity(names.count)
        for (index, entry) in entries.enumerated() {
            var key = names[index]
            switch entry {
            case .file: key.removeLast()
            case .folder(let id):
                guard !ancestors.contains(id) else { throw HashingError.symlinkLoop(path: childPath(names[index])) }
                key[key.count - 1] = 0x2f
            case .failure(let error):
                throw error
            }
            order.append((key, index))
        }
        order.sort { $0.key.lexicographicallyPrecedes($1.key) }

        let relativePrefix = relative.isEmpty ? [] : relative + [0x2f]
        let subfolders = order.compactMap { item -> (path: String, relative: [UInt8], id: FileKey)? in
            guard case .folder(let id) = entries[item.index] else { return nil }
            return (childPath(names[item.index]), relativePrefix + item.key.dropLast(), id)
        }
        let walk = { @Sendable (sub: (path: String, relative: [UInt8], id: FileKey)) in
            Result { try TreeScanner.walk(folder: sub.path, relative: sub.relative, ancestors: ancestors.union([sub.id])) }
        }
        let walked = subfolders.count > 1 ? ParallelMap.map(subfolders, walk) : subfolders.map(walk)

        var files: [ScannedFile] = []
        files.reserveCapacity(names.count)
        var nextSubfolder = 0
        for item in order {
            switch entries[item.index] {
            case .file(let identity):
                files.append(ScannedFile(relativePath: relativePrefix + item.key, fullPath: childPath(names[item.index]),
                                         identity: identity))
            case .folder:
                files += try walked[nextSubfolder].get()
                nextSubfolder += 1
            case .failure:
                break   // thrown while ordering, above
            }
        }
        return files
    }

    /// The entries of `folder` (names NUL-terminated, as `fstatat` takes them) and what
    /// each is, stat'ed relative to the open folder: on several threads when there are many.
    private static func list(_ folder: String) throws -> (names: [[UInt8]], entries: [Entry]) {
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
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                var name: [UInt8] = []
                name.reserveCapacity(length + 1)
                name.append(contentsOf: bytes[..<length])
                name.append(0)
                return name
            }
            if name == [0x2e, 0] || name == [0x2e, 0x2e, 0] { continue }
            names.append(name)
        }
        let childPath = { @Sendable (name: [UInt8]) in path(of: name, in: folder) }
        let inspect = { @Sendable (name: [UInt8]) -> Entry in
            // Paths are Swift strings from here on; a name that is not UTF-8 would come out
            // altered (U+FFFD) and could open another file, so it is refused by name.
            guard String(validating: name.dropLast(), as: UTF8.self) != nil else {
                return .failure(.unreadable(path: childPath(name),
                                            reason: "its name is not valid UTF-8; rename it (e.g. with convmv) to hash this folder"))
            }
            do {
                let st = try statFollowing(name, in: fd, path: childPath(name))
                switch st.st_mode & S_IFMT {
                case S_IFREG: return .file(FileIdentity(st))
                case S_IFDIR: return .folder(FileKey(st))
                default: return .failure(.specialFile(path: childPath(name), kind: kindName(st.st_mode)))
                }
            } catch let error as HashingError {
                return .failure(error)
            } catch {
                return .failure(.unreadable(path: childPath(name), reason: "\(error)"))
            }
        }
        if names.count < parallelStatThreshold {
            return (names, names.map(inspect))
        }
        return (names, ParallelMap.map(names.chunked(into: parallelStatThreshold)) { $0.map(inspect) }.flatMap { $0 })
    }

    /// The path of the NUL-terminated entry `name` of `folder`, for opening and for messages.
    private static func path(of name: [UInt8], in folder: String) -> String {
        folder + (folder.hasSuffix("/") ? "" : "/") + String(decoding: name.dropLast(), as: UTF8.self)
    }

    static func statFollowing(_ path: String) throws -> stat {
        try path.withCString { try statFollowing(cName: $0, in: AT_FDCWD, path: path) }
    }

    /// `stat` of the NUL-terminated `name` relative to the open folder `folder` (no path
    /// walk from the root); errors name `path`.
    private static func statFollowing(_ name: [UInt8], in folder: Int32, path: @autoclosure () -> String) throws -> stat {
        try name.withUnsafeBufferPointer { bytes in
            try bytes.withMemoryRebound(to: CChar.self) { try statFollowing(cName: $0.baseAddress!, in: folder, path: path()) }
        }
    }

    private static func statFollowing(
        cName: UnsafePointer<CChar>, in folder: Int32, path: @autoclosure () -> String
    ) throws -> stat {
        var st = stat()
        if fstatat(folder, cName, &st, 0) == 0 { return st }
        let code = errno
        switch code {
        case ENOENT:
            var link = stat()
            if fstatat(folder, cName, &link, AT_SYMLINK_NOFOLLOW) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
                throw HashingError.danglingSymlink(path: path())
            }
            throw HashingError.notFound(path: path())
        case ELOOP:
            throw HashingError.symlinkLoop(path: path())
        default:
            throw HashingError.unreadable(path: path(), reason: String(cString: strerror(code)))
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
