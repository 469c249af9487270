/// What a repository path says about itself, for code that sees ledger files through git
/// (a commit's tree, a diff) rather than by walking the folder as `LedgerStore.list` does.
public enum RecordLocation: Hashable, Sendable {
    /// `ledgers/<ledger>/<type folder>/<ab>/<id>.json`, named like a record.
    case record(RecordFile)
    /// Inside a ledger's type folder but not named like a record (what `fsck` calls a stray file).
    case stray(ledger: String)
    /// Anywhere else: READMEs, `.gitattributes`, files outside `ledgers/`.
    case elsewhere

    /// Classifies a work-tree-relative path with the same rules `LedgerStore.list` applies.
    public init(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4, parts[0] == LedgerStore.folderName, (try? Names.validate(parts[1], as: .ledger)) != nil,
              let type = LedgerRecord.RecordType(folder: parts[2])
        else {
            self = .elsewhere
            return
        }
        let ledger = parts[1]
        guard parts.count == 5, parts[4].hasSuffix(".json"), !parts[4].hasPrefix("sha256"),
              let id = Digest(parsing: String(parts[4].dropLast(5))), id.hex.hasPrefix(parts[3]), parts[3].utf8.count == 2
        else {
            self = .stray(ledger: ledger)
            return
        }
        self = .record(RecordFile(ledger: ledger, type: type, id: id.hex))
    }
}
