/// The `.gitignore` line `repro init` appends so the derived cache in `.repro/` is never committed.
///
/// `commit` uses it to recognise a `.gitignore` whose only change is that line, the one case
/// in which it commits the user's `.gitignore`. It mirrors `Workspace.ensureIgnored`; the CLI
/// tests pin the two together (a file with and without a final newline).
enum CacheIgnoreEntry {
    static let line = ".repro/"

    /// `existing` with the line appended the way `init` appends it (on a new line of its own).
    static func appended(to existing: [UInt8]) -> [UInt8] {
        let separator: [UInt8] = existing.isEmpty || existing.last == UInt8(ascii: "\n") ? [] : [UInt8(ascii: "\n")]
        return existing + separator + Array((line + "\n").utf8)
    }
}
