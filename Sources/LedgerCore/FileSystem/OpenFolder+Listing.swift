#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

extension OpenFolder {
    /// One name in a folder and what it is, seen without following it.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var kind: EntryKind

        public init(name: String, kind: EntryKind) {
            self.name = name
            self.kind = kind
        }
    }

    /// The folder's entries (without "." and ".."), sorted by name. Kinds come from
    /// `d_type`, or `fstatat(AT_SYMLINK_NOFOLLOW)` where the file system does not fill it in.
    public func entries() throws(FileSystemError) -> [Entry] {
        var found: [Entry] = []
        try forEachName { (name, type) throws(FileSystemError) in
            let name = String(cString: name)
            var kind = EntryKind(directoryEntryType: type)
            if kind == nil { kind = try self.kind(of: name) ?? .unknown }
            found.append(Entry(name: name, kind: kind ?? .unknown))
        }
        return found.sorted { $0.name < $1.name }
    }

    /// The folder's names as bytes, each NUL-terminated (as `status(ofEntry:)` takes them),
    /// in directory order, without "." and "..". POSIX names need not be UTF-8; the bytes
    /// are exactly what is on disk.
    public func names() throws(FileSystemError) -> [[UInt8]] {
        var names: [[UInt8]] = []
        try forEachName { name, _ in
            let length = strlen(name)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(length + 1)
            name.withMemoryRebound(to: UInt8.self, capacity: length + 1) { bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length + 1)) }
            names.append(bytes)
        }
        return names
    }

    /// The one `readdir` loop: calls `body` with each NUL-terminated name and its `d_type`.
    private func forEachName(_ body: (UnsafePointer<CChar>, UInt8) throws(FileSystemError) -> Void) throws(FileSystemError) {
        // fdopendir takes ownership of the descriptor it is given: hand it a duplicate.
        let copy = dup(descriptor.rawValue)
        guard copy >= 0 else { throw .system(operation: "dup", path: path, errno: Errno(rawValue: errno)) }
        guard let stream = fdopendir(copy) else {
            let code = errno
            close(copy)
            throw .system(operation: "opendir", path: path, errno: Errno(rawValue: code))
        }
        defer { closedir(stream) }
        rewinddir(stream)
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw .system(operation: "readdir", path: path, errno: Errno(rawValue: errno)) }
                break
            }
            // Read in place, never copied: a record is only `d_reclen` bytes, the name as long
            // as it is, and copying the 256-byte `d_name` of the last record in readdir's buffer
            // read past its end (a segfault, now and then, at the end of a mapping).
            let record = UnsafeRawPointer(entry)
            let type = record.load(fromByteOffset: Self.typeOffset, as: UInt8.self)
            let name = (record + Self.nameOffset).assumingMemoryBound(to: CChar.self)
            // "." and ".."
            if name[0] == 0x2e && (name[1] == 0 || (name[1] == 0x2e && name[2] == 0)) { continue }
            try body(name, type)
        }
    }

    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
}
