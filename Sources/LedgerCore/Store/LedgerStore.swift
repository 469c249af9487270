import Foundation
import SystemPackage

/// The source of truth: immutable, content-addressed record files under `ledgers/`.
///
/// New files only, never edits, so concurrent writers (co-authors, cluster jobs)
/// produce a union of files that git merges without conflicts. Everything below the
/// work tree top is reached through `OpenFolder`, one name at a time, never following
/// a symlink: what is under `ledgers/` may come from someone else.
public struct LedgerStore: Sendable {
    public static let folderName = "ledgers"

    /// Top of the work tree that holds `ledgers/`.
    public let top: URL

    public init(top: URL) {
        self.top = top.standardizedFileURL
    }

    public var ledgersFolder: URL { top.appendingPathComponent(Self.folderName, isDirectory: true) }

    /// True when `ledgers/` exists in any form; a symlink there is reported when it is opened.
    public var isInitialized: Bool {
        ((try? openTop().kind(of: Self.folderName)) ?? nil) != nil
    }

    public func folder(of ledger: String) -> URL { ledgersFolder.appendingPathComponent(ledger, isDirectory: true) }

    /// The work tree top, opened by the path the user chose.
    public func openTop() throws(FileSystemError) -> OpenFolder {
        try OpenFolder.root(FilePath(top.path), displayedAs: "")
    }

    /// `ledgers/`, refused when it is a symlink.
    public func openLedgers() throws(FileSystemError) -> OpenFolder {
        try openTop().folder(Self.folderName)
    }

    /// Ledger folders, sorted; a symlink named like a ledger is not one.
    public func ledgerNames() -> [String] {
        guard let entries = try? openLedgers().entries() else { return [] }
        return entries.filter { $0.kind == .folder && (try? Names.validate($0.name, as: .ledger)) != nil }.map(\.name)
    }

    /// Creates `ledgers/<name>/` with its README; returns false when it already existed.
    @discardableResult
    public func createLedger(_ name: String) throws(LedgerError) -> Bool {
        try Names.validate(name, as: .ledger)
        let existed = ledgerNames().contains(name)
        do {
            let ledgers = try openTop().makeFolder(Self.folderName)
            let ledger = try ledgers.makeFolder(name)
            try ledgers.writeFile("README.md", Array(Self.ledgersReadme.utf8))
            try ledgers.writeFile(".gitattributes", Array(Self.gitattributes.utf8))
            try ledgers.writeFile(".gitignore", Array(Self.gitignore.utf8))
            try ledger.writeFile("README.md", Array("# \(name)\n\nRecords of the \(name) ledger, written by `repro`. Do not edit.\n".utf8))
        } catch {
            throw .notWritable(path: error.path, reason: error.reason)
        }
        return !existed
    }

    /// Writes the record unless an identical one exists. Throws if the ledger does not exist,
    /// and refuses (nothing written anywhere) when any folder on the way is a symlink.
    /// `durable: false` skips fsync; only generated benchmark ledgers use it.
    @discardableResult
    public func write(_ record: LedgerRecord, to ledger: String, durable: Bool = true) throws -> (file: RecordFile, created: Bool) {
        try requireLedger(ledger)
        let encoded = try RecordCodec.encode(record)
        let file = RecordFile(ledger: ledger, type: record.type, id: encoded.id.hex)
        do {
            let fan = try openLedgers().folder(ledger)
                .makeFolder(record.type.folder, durable: durable).makeFolder(String(file.id.prefix(2)), durable: durable)
            let created = try fan.writeFile(file.fileName, encoded.fileBytes, durable: durable)
            return (file, created)
        } catch {
            throw LedgerError.notWritable(path: file.relativePath, reason: error.path == file.relativePath ? error.reason : error.description)
        }
    }

    public func requireLedger(_ ledger: String) throws(LedgerError) {
        try Names.validate(ledger, as: .ledger)
        guard isInitialized else { throw .notInitialized(top: top.path) }
        do { _ = try openLedgers() } catch { throw .corruptRecord(path: error.path, reason: error.reason) }
        let known = ledgerNames()
        guard known.contains(ledger) else { throw .unknownLedger(ledger, known: known) }
    }

    /// Reads and verifies one record: it must be a regular file reached without following
    /// a link, at most `RecordLimits.maximumSize` bytes, parse, match its schema and hash to its name.
    /// Pass `root` (`openLedgers()`, opened once) when reading many.
    public func read(_ file: RecordFile, under root: OpenFolder? = nil) throws(RecordReadError) -> LedgerRecord {
        try RecordCodec.decodeRead(readBytes(file, under: root), file: file)
    }

    /// The bytes of one record file, bounded and without following links.
    public func readBytes(_ file: RecordFile, under root: OpenFolder? = nil) throws(RecordReadError) -> [UInt8] {
        let fan: OpenFolder
        do {
            let ledgers: OpenFolder
            if let root { ledgers = root } else { ledgers = try openLedgers() }
            fan = try openFan(of: file, under: ledgers)
        } catch {
            throw .file(error)
        }
        return try readBytes(file, inFan: fan)
    }

    /// The fan-out folder holding `file` (`<ledger>/<type>/<first two of id>`), opened without
    /// following links: one open for all the records of a folder, where reading each one
    /// through `readBytes(_:under:)` opens three folders per record.
    public func openFan(of file: RecordFile, under root: OpenFolder) throws(FileSystemError) -> OpenFolder {
        try root.folder(at: [file.ledger, file.type.folder, String(file.id.prefix(2))])
    }

    /// The bytes of `file` in its fan-out folder `fan` (from `openFan(of:under:)`).
    public func readBytes(_ file: RecordFile, inFan fan: OpenFolder) throws(RecordReadError) -> [UInt8] {
        do { return try fan.readFile(file.fileName, limit: RecordLimits.maximumSize) } catch { throw .file(error) }
    }

    static let ledgersReadme = """
        # Ledgers

        Written by `repro` (ReproLedger): one folder per ledger (paper), \
        each holding immutable JSON records named by the SHA-256 of their RFC 8785 canonical form:

        - `artifacts/` what each checkpoint, dataset, tokenizer or config is (digest, sources, license)
        - `events/` dated availability statements (open, gated, withdrawn, ...)
        - `experiments/` which artifacts each experiment read and wrote, and the code state
        - `manifests/` the file list of each tracked folder
        - `licenses/` licenses defined for this ledger
        - `seals/` Merkle roots over a ledger, cited by papers

        Never edit a record: a correction is a new record. `repro fsck` checks every file.

        """

    /// Records must keep their exact bytes in every checkout.
    static let gitattributes = "* -text\n"

    /// A writer's temporary file must never be committed, even mid-write.
    static let gitignore = ".*\(AtomicFile.temporaryMarker)*\n"
}

extension RecordCodec {
    /// Decodes bytes read from `file`, checked against the id and folder its path claims.
    static func decodeRead(_ bytes: [UInt8], file: RecordFile) throws(RecordReadError) -> LedgerRecord {
        do { return try decode(bytes, expectedID: file.id, folder: file.type.folder).0 } catch { throw .defect(error) }
    }
}
