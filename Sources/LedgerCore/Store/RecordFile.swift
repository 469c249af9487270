/// A record file found in the store, before it is read.
public struct RecordFile: Hashable, Sendable {
    public var ledger: String
    public var type: LedgerRecord.RecordType
    /// The 64-hex id the file name claims.
    public var id: String
    /// Path relative to the work tree top, `ledgers/<ledger>/<folder>/<ab>/<id>.json`.
    public var relativePath: String

    public init(ledger: String, type: LedgerRecord.RecordType, id: String) {
        self.ledger = ledger
        self.type = type
        self.id = id
        relativePath = "\(LedgerStore.folderName)/\(ledger)/\(type.folder)/\(id.prefix(2))/\(id).json"
    }
}

/// What a walk of the store found besides records.
public struct StoreListing: Sendable {
    public var records: [RecordFile] = []
    /// Writers' temporary files: a live writer's, or one left by a writer that was killed.
    public var temporaryFiles: [String] = []
    /// Files that are not named like records, relative to the work tree.
    public var strayFiles: [String] = []
    /// Regular files outside the record folders that `repro` never writes (anything but the
    /// READMEs, `.gitignore` and `.gitattributes`), relative to the work tree.
    public var foreignFiles: [String] = []
    /// Symlinks, FIFOs, devices and sockets: never followed or opened, always a defect.
    public var unsafeEntries: [UnsafeEntry] = []
}

extension RecordFile {
    /// `<id>.json`.
    public var fileName: String { "\(id).json" }
}
