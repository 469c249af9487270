#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

extension OpenFolder {
    /// Reads the regular file `name`, at most `limit` bytes: a larger file is refused after
    /// reading `limit + 1` bytes at most, so a huge file never sits in memory. A symlink,
    /// FIFO, device or socket is refused without being opened for reading (`O_NONBLOCK`
    /// keeps a FIFO from blocking the open).
    public func readFile(_ name: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        try Self.check(name)
        let fd = SystemCall.retryingRaw { openat(descriptor.rawValue, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { throw explain(errno, opening: name, expected: .regular) }
        return try Self.readBounded(FileDescriptor(rawValue: fd), shown: child(name), limit: limit)
    }

    /// Reads a file the user named on the command line (links in its path are the user's and
    /// followed), at most `limit` bytes; anything but a regular file is refused unread.
    public static func readUserFile(_ path: FilePath, limit: Int) throws(FileSystemError) -> [UInt8] {
        let shown = path.string
        let fd = try SystemCall.retrying("open", shown) { path.withPlatformString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) } }
        return try readBounded(FileDescriptor(rawValue: fd), shown: shown, limit: limit)
    }

    /// Checks the open file is regular and reads it whole, refusing more than `limit` bytes; closes it.
    private static func readBounded(_ file: FileDescriptor, shown: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        defer { try? file.close() }
        let status: Stat
        do throws(Errno) { status = try file.stat() } catch { throw .system(operation: "stat", path: shown, errno: error) }
        let kind = EntryKind(status.type)
        guard kind == .regular else {
            throw kind.isSpecial ? .notFollowed(path: shown, kind: kind) : .wrongKind(path: shown, kind: kind, expected: .regular)
        }
        guard status.size <= Int64(limit) else { throw .tooLarge(path: shown, limit: limit) }
        // The size can change while reading: the cap holds whatever the file does meanwhile.
        var bytes = [UInt8](repeating: 0, count: Int(status.size) + 1)
        var count = 0
        while count <= limit {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - count))) }
            let n: Int
            do {
                n = try bytes.withUnsafeMutableBytes { raw in
                    try file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[count...]), retryOnInterrupt: true)
                }
            } catch { throw .system(operation: "read", path: shown, errno: error as? Errno ?? .ioError) }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { throw .tooLarge(path: shown, limit: limit) }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Appends `bytes` to the regular file `name`, in place: its mode and owner stay as they
    /// are. A symlink, FIFO, device or socket is refused without being written to.
    public func appendToFile(_ name: String, _ bytes: [UInt8]) throws(FileSystemError) {
        try Self.check(name)
        let fd = SystemCall.retryingRaw { openat(descriptor.rawValue, name, O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { throw explain(errno, opening: name, expected: .regular) }
        let file = FileDescriptor(rawValue: fd)
        defer { try? file.close() }
        let status: Stat
        do throws(Errno) { status = try file.stat() } catch { throw .system(operation: "stat", path: child(name), errno: error) }
        let kind = EntryKind(status.type)
        guard kind == .regular else {
            throw kind.isSpecial ? .notFollowed(path: child(name), kind: kind) : .wrongKind(path: child(name), kind: kind, expected: .regular)
        }
        do { _ = try file.writeAll(bytes) } catch { throw .system(operation: "write", path: child(name), errno: error as? Errno ?? .ioError) }
    }

    /// Writes `name` so no reader ever sees part of it: a temporary name in this folder
    /// (carrying the writer's pid, see `TemporaryFile`), fsync, rename, fsync of the folder.
    /// Returns false when `name` already exists as a regular file and `replacing` is false
    /// (content-addressed records: same name, same bytes). An existing symlink, FIFO, device
    /// or socket under that name is refused, never written through.
    @discardableResult
    public func writeFile(_ name: String, _ bytes: [UInt8], durable: Bool = true, replacing: Bool = false) throws(FileSystemError) -> Bool {
        if let existing = try kind(of: name) {
            if existing.isSpecial { throw .notFollowed(path: child(name), kind: existing) }
            if existing == .folder { throw .wrongKind(path: child(name), kind: .folder, expected: .regular) }
            if !replacing { return false }
        }
        let temporary = TemporaryFile.name(for: name)
        let fd = SystemCall.retryingRaw {
            openat(descriptor.rawValue, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw .system(operation: "create", path: child(temporary), errno: Errno(rawValue: errno)) }
        let file = FileDescriptor(rawValue: fd)
        do {
            _ = try file.writeAll(bytes)
            if durable, fsync(file.rawValue) != 0 { throw Errno(rawValue: errno) }
            try file.close()
        } catch {
            try? file.close()
            unlinkat(descriptor.rawValue, temporary, 0)
            throw .system(operation: "write", path: child(name), errno: error as? Errno ?? .ioError)
        }
        guard renameat(descriptor.rawValue, temporary, descriptor.rawValue, name) == 0 else {
            let code = errno
            unlinkat(descriptor.rawValue, temporary, 0)
            throw .system(operation: "rename", path: child(name), errno: Errno(rawValue: code))
        }
        if durable { sync() }
        return true
    }
}
