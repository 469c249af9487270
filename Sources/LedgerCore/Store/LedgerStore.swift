import Foundation

/// The source of truth: immutable, content-addressed record files under `ledgers/`.
///
/// New files only, never edits, so concurrent writers (co-authors, cluster jobs)
/// produce a union of files that git merges without conflicts.
public struct LedgerStore: Sendable {
    public static let folderName = "ledgers"

    /// Top of the work tree that holds `ledgers/`.
    public let top: URL

    public init(top: URL) {
        self.top = top.standardizedFileURL
    }

    public var ledgersFolder: URL { top.appendingPathComponent(Self.folderName, isDirectory: true) }

    public var isInitialized: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: ledgersFolder.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    public func folder(of ledger: String) -> URL { ledgersFolder.appendingPathComponent(ledger, isDirectory: true) }

    /// Ledger folders, sorted.
    public func ledgerNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: ledgersFolder.path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return (try? Names.validate(name, as: .ledger)) != nil
                && FileManager.default.fileExists(atPath: folder(of: name).path, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    /// Creates `ledgers/<name>/` with its README; returns false when it already existed.
    @discardableResult
    public func createLedger(_ name: String) throws(LedgerError) -> Bool {
        try Names.validate(name, as: .ledger)
        let existed = ledgerNames().contains(name)
        try AtomicFile.makeFolder(folder(of: name).path)
        _ = try AtomicFile.write(Array(Self.ledgersReadme.utf8), to: ledgersFolder.appendingPathComponent("README.md").path)
        _ = try AtomicFile.write(Array(Self.gitattributes.utf8), to: ledgersFolder.appendingPathComponent(".gitattributes").path)
        _ = try AtomicFile.write(Array(Self.gitignore.utf8), to: ledgersFolder.appendingPathComponent(".gitignore").path)
        _ = try AtomicFile.write(Array("# \(name)\n\nRecords of the \(name) ledger, written by `repro`. Do not edit.\n".utf8),
                                 to: folder(of: name).appendingPathComponent("README.md").path)
        return !existed
    }

    /// Writes the record unless an identical one exists. Throws if the ledger does not exist.
    /// `durable: false` skips fsync; only generated benchmark ledgers use it.
    @discardableResult
    public func write(_ record: LedgerRecord, to ledger: String, durable: Bool = true) throws -> (file: RecordFile, created: Bool) {
        try requireLedger(ledger)
        let encoded = try RecordCodec.encode(record)
        let file = RecordFile(ledger: ledger, type: record.type, id: encoded.id.hex)
        let created = try AtomicFile.write(encoded.fileBytes, to: top.appendingPathComponent(file.relativePath).path, durable: durable)
        return (file, created)
    }

    public func requireLedger(_ ledger: String) throws(LedgerError) {
        try Names.validate(ledger, as: .ledger)
        guard isInitialized else { throw .notInitialized(top: top.path) }
        let known = ledgerNames()
        guard known.contains(ledger) else { throw .unknownLedger(ledger, known: known) }
    }

    /// Reads and verifies one record: it must parse, match its schema and hash to its name.
    public func read(_ file: RecordFile) throws(RecordDefect) -> LedgerRecord {
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: top.appendingPathComponent(file.relativePath))) } catch {
            throw .notJSON("cannot read the file: \(error.localizedDescription)")
        }
        return try RecordCodec.decode(bytes, expectedID: file.id, folder: file.type.folder).0
    }

    /// Every record file of the given ledgers (all when nil), plus leftovers.
    public func list(ledgers: [String]? = nil) -> StoreListing {
        var listing = StoreListing()
        let fm = FileManager.default
        for ledger in ledgers ?? ledgerNames() {
            for type in LedgerRecord.RecordType.allCases {
                let typeFolder = folder(of: ledger).appendingPathComponent(type.folder)
                for fan in ((try? fm.contentsOfDirectory(atPath: typeFolder.path)) ?? []).sorted() {
                    let fanPath = typeFolder.appendingPathComponent(fan).path
                    for name in ((try? fm.contentsOfDirectory(atPath: fanPath)) ?? []).sorted() {
                        let relative = "\(Self.folderName)/\(ledger)/\(type.folder)/\(fan)/\(name)"
                        if name.contains(AtomicFile.temporaryMarker) {
                            listing.temporaryFiles.append(relative)
                        } else if name.hasSuffix(".json"), let id = Digest(parsing: String(name.dropLast(5))),
                                  id.hex.hasPrefix(fan), !name.hasPrefix("sha256") {
                            listing.records.append(RecordFile(ledger: ledger, type: type, id: id.hex))
                        } else {
                            listing.strayFiles.append(relative)
                        }
                    }
                }
            }
        }
        return listing
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
