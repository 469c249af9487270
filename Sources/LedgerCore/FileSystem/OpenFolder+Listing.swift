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
        var found: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw .system(operation: "readdir", path: path, errno: Errno(rawValue: errno)) }
                break
            }
            let (name, type) = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { (String(cString: $0), entry.pointee.d_type) }
            }
            if name == "." || name == ".." { continue }
            var kind = EntryKind(directoryEntryType: type)
            if kind == nil { kind = try self.kind(of: name) ?? .unknown }
            found.append(Entry(name: name, kind: kind ?? .unknown))
        }
        return found.sorted { $0.name < $1.name }
    }
}
