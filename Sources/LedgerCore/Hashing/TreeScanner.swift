import SystemPackage

/// A regular file found under a hashed path, before its content is read.
public struct ScannedFile: Sendable {
    /// Path relative to the scanned folder as raw bytes (POSIX names need not be UTF-8).
    public var relativePath: [UInt8]
    /// Path for messages: as given plus the relative part.
    public var fullPath: String
    public var identity: FileIdentity
    /// Where the bytes are read when that is not `fullPath`: the checked end of a link
    /// (canonical, so opening it follows no link). Nil for the plain case.
    public var target: String?

    /// The path to open.
    public var readPath: String { target ?? fullPath }
}

/// What one command-line path turned out to be.
public enum ScannedPath: Sendable {
    case file(ScannedFile)
    /// Every regular file under the folder, sorted by the bytes of `relativePath`.
    case folder([ScannedFile])
}

/// Walks a path the way `find -L PATH -type f` does, but refuses what `find` skips silently,
/// and follows a link inside the folder only where it stays inside.
///
/// The path given is the user's: a link there is followed wherever it leads. A link inside
/// the folder is followed only when every hop lands inside the same folder or, for a
/// Hugging Face snapshot (whose files are links to `../../blobs/`), inside that
/// repository's `blobs/`; any other is refused by name, never opened (`LinkConfinement`).
/// Loops, dangling links, special files and names that are not UTF-8 are errors, so a
/// digest never silently leaves something out. Large folders are stat'ed, and sibling
/// folders walked, on every core: on a warm cache the walk is most of the work.
public enum TreeScanner {
    /// Below this many entries a folder is stat'ed on the calling thread.
    static let parallelStatThreshold = 128

    public static func scan(_ path: String) throws -> ScannedPath {
        guard let seen = try OpenFolder.status(path, followingLinks: false) else { throw HashingError.notFound(path: path) }
        var source = path
        var status = seen
        if EntryKind(seen.type) == .symbolicLink {
            source = try follow(link: path, source: path, within: .anywhere)
            guard let target = try OpenFolder.status(source, followingLinks: false) else { throw HashingError.notFound(path: path) }
            status = target
        }
        switch EntryKind(status.type) {
        case .regular:
            return .file(ScannedFile(relativePath: [], fullPath: path, identity: FileIdentity(status),
                                     target: source == path ? nil : source))
        case .folder:
            guard let root = try OpenFolder.canonicalPath(source) else { throw HashingError.notFound(path: path) }
            var allowed = [root]
            // Only a real `blobs/` folder of the repository: a `blobs` that is itself a link
            // would make anything it points at count as inside.
            if let blobs = HuggingFaceSnapshot.blobsFolder(of: root),
               let entry = try OpenFolder.status(blobs, followingLinks: false), EntryKind(entry.type) == .folder {
                allowed.append(blobs)
            }
            let confinement = LinkConfinement(allowing: allowed)
            let folder = Folder(shown: path, source: source, confinement: confinement)
            return .folder(try walk(folder, relative: [], ancestors: [FileKey(status)]))
        default:
            throw HashingError.specialFile(path: path, kind: kindName(status.type))
        }
    }

    /// A folder being walked: `shown` names things in messages, `source` opens them (it
    /// differs below a link to a folder: the link's checked, canonical end).
    private struct Folder: Sendable {
        var shown: String
        var source: String
        var confinement: LinkConfinement

        func shown(_ name: [UInt8]) -> String { TreeScanner.join(shown, name) }
        func source(_ name: [UInt8]) -> String { TreeScanner.join(source, name) }
    }

    /// What one folder entry is, from one `stat` relative to the open folder (plus the
    /// link's resolution when it is a link).
    private enum Entry: Sendable {
        case file(FileIdentity, target: String?)
        case folder(FileKey, target: String?)
        case failure(any Error)
    }

    /// `ancestors` are the folders on the way down (not every folder seen): a folder
    /// reached twice through links is hashed twice, a folder inside itself is a loop.
    ///
    /// Returns the files in the byte order of their relative paths, without a global
    /// sort: siblings are ordered by name, a folder's name taken with its trailing `/`,
    /// which is exactly where its files fall among its siblings' paths.
    private static func walk(_ folder: Folder, relative: [UInt8], ancestors: Set<FileKey>) throws -> [ScannedFile] {
        // Listed and stat'ed with the folder open, then closed before descending, so open
        // descriptors do not pile up with the depth of the tree.
        let (names, entries) = try list(folder)

        var order: [(key: [UInt8], index: Int)] = []
        order.reserveCapacity(names.count)
        for (index, entry) in entries.enumerated() {
            var key = names[index]
            if case .folder = entry { key[key.count - 1] = 0x2f } else { key.removeLast() }
            order.append((key, index))
        }
        order.sort { $0.key.lexicographicallyPrecedes($1.key) }
        // The first problem in name order, whatever order the folder lists its entries in.
        for item in order {
            switch entries[item.index] {
            case .file: continue
            case .folder(let id, _):
                guard !ancestors.contains(id) else { throw HashingError.symlinkLoop(path: folder.shown(names[item.index])) }
            case .failure(let error):
                throw error
            }
        }

        let relativePrefix = relative.isEmpty ? [] : relative + [0x2f]
        let subfolders = order.compactMap { item -> (folder: Folder, relative: [UInt8], id: FileKey)? in
            guard case .folder(let id, let target) = entries[item.index] else { return nil }
            let name = names[item.index]
            let sub = Folder(shown: folder.shown(name), source: target ?? folder.source(name), confinement: folder.confinement)
            return (sub, relativePrefix + item.key.dropLast(), id)
        }
        let walk = { @Sendable (sub: (folder: Folder, relative: [UInt8], id: FileKey)) in
            Result { try TreeScanner.walk(sub.folder, relative: sub.relative, ancestors: ancestors.union([sub.id])) }
        }
        let walked = subfolders.count > 1 ? ParallelMap.map(subfolders, walk) : subfolders.map(walk)

        let moved = folder.source != folder.shown
        var files: [ScannedFile] = []
        files.reserveCapacity(names.count)
        var nextSubfolder = 0
        for item in order {
            switch entries[item.index] {
            case .file(let identity, let target):
                let name = names[item.index]
                files.append(ScannedFile(relativePath: relativePrefix + item.key, fullPath: folder.shown(name),
                                         identity: identity, target: target ?? (moved ? folder.source(name) : nil)))
            case .folder:
                files += try walked[nextSubfolder].get()
                nextSubfolder += 1
            case .failure:
                break   // thrown above
            }
        }
        return files
    }

    /// The entries of `folder` (names NUL-terminated, as the file-system layer takes them)
    /// and what each is, stat'ed relative to the open folder: on several threads when there
    /// are many.
    private static func list(_ folder: Folder) throws -> (names: [[UInt8]], entries: [Entry]) {
        // A folder the walk saw as a real folder (or a link's checked end) must still be one.
        let open = try OpenFolder.at(folder.source, followingLinks: false)
        let names = try open.names()
        let inspect = { @Sendable (name: [UInt8]) -> Entry in
            do { return try TreeScanner.inspect(name, in: open, folder: folder) } catch { return .failure(error) }
        }
        if names.count < parallelStatThreshold {
            return (names, names.map(inspect))
        }
        return (names, ParallelMap.map(names.chunked(into: parallelStatThreshold)) { $0.map(inspect) }.flatMap { $0 })
    }

    private static func inspect(_ name: [UInt8], in open: OpenFolder, folder: Folder) throws -> Entry {
        // Paths are Swift strings from here on; a name that is not UTF-8 would come out
        // altered (U+FFFD) and could open another file, so it is refused by name.
        guard String(validating: name.dropLast(), as: UTF8.self) != nil else {
            throw HashingError.nameNotUTF8(path: TerminalText.escaped(bytes: Array(folder.shown.utf8) + [0x2f] + name.dropLast()))
        }
        guard let status = try open.status(ofEntry: name, shown: folder.shown(name)) else {
            throw HashingError.notFound(path: folder.shown(name))
        }
        switch EntryKind(status.type) {
        case .regular: return .file(FileIdentity(status), target: nil)
        case .folder: return .folder(FileKey(status), target: nil)
        case .symbolicLink:
            let target = try follow(link: folder.shown(name), source: folder.source(name), within: folder.confinement)
            guard let status = try OpenFolder.status(target, followingLinks: false) else {
                throw HashingError.danglingSymlink(path: folder.shown(name))
            }
            switch EntryKind(status.type) {
            case .regular: return .file(FileIdentity(status), target: target)
            case .folder: return .folder(FileKey(status), target: target)
            default: throw HashingError.specialFile(path: folder.shown(name), kind: kindName(status.type))
            }
        default:
            throw HashingError.specialFile(path: folder.shown(name), kind: kindName(status.type))
        }
    }

    /// The checked, canonical end of the link at `source` (named `shown` in messages).
    private static func follow(link shown: String, source: String, within confinement: LinkConfinement) throws -> String {
        switch try confinement.resolve(source) {
        case .inside(let end): return end
        case .outside(let target, let reached): throw HashingError.linkOutside(path: shown, target: target, reached: reached)
        case .dangling: throw HashingError.danglingSymlink(path: shown)
        case .loop: throw HashingError.symlinkLoop(path: shown)
        case .targetNotUTF8(let bytes): throw HashingError.nameNotUTF8(path: shown + " -> " + TerminalText.escaped(bytes: bytes))
        }
    }

    /// `folder/name` for the NUL-terminated `name`.
    private static func join(_ folder: String, _ name: [UInt8]) -> String {
        folder + (folder.hasSuffix("/") ? "" : "/") + String(decoding: name.dropLast(), as: UTF8.self)
    }

    static func kindName(_ type: FileType) -> String {
        switch type {
        case .fifo: return "FIFO (named pipe)"
        case .socket: return "socket"
        case .characterSpecial: return "character device"
        case .blockSpecial: return "block device"
        default: return "special file"
        }
    }
}
