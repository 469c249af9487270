import Foundation
import LedgerCore
import SystemPackage

/// The `.gitignore` line `repro init` appends so the derived cache in `.repro/` is never
/// committed, and the work tree's `.gitignore` it goes into.
///
/// `commit` uses it to recognise a `.gitignore` whose only change is that line, the one case
/// in which it commits the user's `.gitignore`. The file comes with a clone, so it is read
/// and replaced through the file-system layer: a link (`.gitignore -> ~/.bashrc`), a FIFO or
/// a file over 1 MiB is refused, never read, followed or appended to.
enum CacheIgnoreEntry {
    static let line = ".repro/"
    static let file = ".gitignore"
    static let limit = 1 << 20

    /// `existing` with the line appended on a new line of its own.
    static func appended(to existing: [UInt8]) -> [UInt8] { existing + addition(after: existing) }

    /// The bytes that put the line after `existing`: a newline first when its last line has none.
    private static func addition(after existing: [UInt8]) -> [UInt8] {
        let separator: [UInt8] = existing.isEmpty || existing.last == UInt8(ascii: "\n") ? [] : [UInt8(ascii: "\n")]
        return separator + Array((line + "\n").utf8)
    }

    /// Whether a line of `existing` already ignores the cache folder, written any of the
    /// ways people write it (`.repro`, `/.repro/`, with spaces around).
    static func isPresent(in existing: [UInt8]) -> Bool {
        let bare = line.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let spellings: Set<String> = [line, bare, "/" + line, "/" + bare]
        return existing.split(separator: UInt8(ascii: "\n")).contains { row in
            spellings.contains(String(decoding: row, as: UTF8.self).trimmingCharacters(in: .whitespaces))
        }
    }

    /// The work tree's `.gitignore`; nil when there is none.
    static func current(in top: URL) throws(FileSystemError) -> [UInt8]? {
        try current(in: try workTree(top))
    }

    /// Adds the line unless it is there; true when it changed. An existing file is appended
    /// to in place (its mode stays, no temporary file is left beside it); a new one is created.
    static func ensure(in top: URL) throws(FileSystemError) -> Bool {
        let folder = try workTree(top)
        guard let existing = try current(in: folder) else {
            try folder.writeFile(file, addition(after: []))
            return true
        }
        guard !isPresent(in: existing) else { return false }
        try folder.appendToFile(file, addition(after: existing))
        return true
    }

    private static func workTree(_ top: URL) throws(FileSystemError) -> OpenFolder {
        try OpenFolder.root(FilePath(top.path), displayedAs: "")
    }

    private static func current(in folder: OpenFolder) throws(FileSystemError) -> [UInt8]? {
        guard try folder.kind(of: file) != nil else { return nil }
        return try folder.readFile(file, limit: limit)
    }
}
