import SystemPackage

/// Where a symbolic link may lead: the canonical folders a reader accepts (a tracked
/// folder, and for a Hugging Face snapshot its repository's `blobs/`). A link is resolved
/// one hop at a time and every hop must land inside, so a chain cannot step out through
/// an intermediate link; nothing outside is ever opened, only its name resolved.
public struct LinkConfinement: Sendable {
    /// Canonical (link-free, absolute) folders.
    public let allowed: [String]

    public init(allowing folders: [String]) { allowed = folders }

    /// Links the user named themselves are theirs: followed wherever they lead.
    public static let anywhere = LinkConfinement(allowing: ["/"])

    /// What a link turned out to be.
    public enum Resolution: Sendable, Equatable {
        /// The end of the chain, canonical, not a link, inside an allowed folder (it may not exist
        /// as anything but a name when it vanished meanwhile; the open then fails).
        case inside(String)
        /// A hop lands outside: `target` is what the link itself holds, `reached` where it led.
        case outside(target: String, reached: String)
        case dangling
        case loop
        /// The link's text is not UTF-8; it is not resolved.
        case targetNotUTF8([UInt8])
    }

    /// The same limit as the kernel's (`MAXSYMLINKS` on Linux).
    static let maximumHops = 40

    public func contains(_ canonical: String) -> Bool {
        allowed.contains { $0 == "/" || canonical == $0 || (canonical.hasPrefix($0) && canonical.utf8.dropFirst($0.utf8.count).first == UInt8(ascii: "/")) }
    }

    /// Follows the link at `link` (a path to open it by) hop by hop.
    public func resolve(_ link: String) throws(FileSystemError) -> Resolution {
        var current = link
        var first: String?
        for _ in 0..<Self.maximumHops {
            let bytes = try OpenFolder.linkTarget(current)
            guard let target = String(validating: bytes, as: UTF8.self) else { return .targetNotUTF8(bytes) }
            if first == nil { first = target }
            var candidate = target.hasPrefix("/") ? target : Self.parent(of: current) + "/" + target
            while candidate.count > 1 && candidate.hasSuffix("/") { candidate.removeLast() }
            let (folder, name) = Self.split(candidate)
            let reached: String
            do throws(FileSystemError) {
                if name == "." || name == ".." {
                    // A folder, never a link itself: resolved whole.
                    guard let whole = try OpenFolder.canonicalPath(candidate) else { return .dangling }
                    reached = whole
                } else {
                    guard let canonicalFolder = try OpenFolder.canonicalPath(folder) else { return .dangling }
                    reached = canonicalFolder == "/" ? "/" + name : canonicalFolder + "/" + name
                }
            } catch .system(_, _, .tooManySymbolicLinkLevels) {
                return .loop
            }
            guard contains(reached) else { return .outside(target: first!, reached: reached) }
            guard let status = try OpenFolder.status(reached, followingLinks: false) else { return .dangling }
            if EntryKind(status.type) != .symbolicLink { return .inside(reached) }
            current = reached
        }
        return .loop
    }

    /// `a/b/c` → `a/b`; `c` → `.`; `/c` → `/`.
    static func parent(of path: String) -> String {
        split(path).folder
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }
}
