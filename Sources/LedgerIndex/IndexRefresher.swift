import Foundation
import GRDB
import LedgerCore
import SystemPackage

/// Walks `ledgers/` and brings the index in line with the files.
///
/// Fan-out folders whose mtime is unchanged are not listed again, so a refresh of
/// an unchanged ledger of 100,000 records costs a few thousand `stat` calls. A
/// folder changed in the last two seconds is not remembered (the racy rule of the
/// hash cache), so a file added in the same timestamp tick is not missed.
struct IndexRefresher {
    let index: RecordIndex
    let full: Bool

    static let racyWindowNanoseconds: Int64 = 2_000_000_000
    /// Records decoded at a time: bounds memory whatever the ledger size.
    static let batchSize = 2000
    /// From this many new records on, secondary indexes are rebuilt after the inserts.
    static let bulkLoadThreshold = 10_000

    func run() throws -> RecordIndex.RefreshSummary {
        let store = index.store
        var summary = RecordIndex.RefreshSummary()
        let now = wallClockNanoseconds()
        let remembered: [String: Int64] = try index.pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT path, mtime_ns FROM scanned_folders").map {
                ($0["path"] as String, $0["mtime_ns"] as Int64)
            })
        }
        var changedFolders: [(relative: String, mtime: Int64, ledger: String, type: LedgerRecord.RecordType)] = []
        var presentFolders = Set<String>()
        let ledgers = store.ledgerNames()
        // Every folder is opened relative to its parent without following links: a symlinked
        // ledger, type or fan-out folder is reported and its records leave the index.
        var root: OpenFolder?
        do throws(FileSystemError) {
            let opened = try store.openLedgers()
            root = opened
            // `ledgerNames` leaves out a link named like a ledger; it is said, not silently dropped.
            for entry in (try? opened.entries()) ?? [] where entry.kind.isSpecial && (try? Names.validate(entry.name, as: .ledger)) != nil {
                summary.unsafe.append(UnsafeEntry(path: "\(LedgerStore.folderName)/\(entry.name)", kind: entry.kind))
            }
        } catch .notFollowed(let path, let kind) {
            summary.unsafe.append(UnsafeEntry(path: path, kind: kind))
        } catch {
            root = nil
        }
        for ledger in ledgers {
            let ledgerFolder = try? root?.folder(ledger)
            for type in LedgerRecord.RecordType.allCases {
                let typeFolder = "\(LedgerStore.folderName)/\(ledger)/\(type.folder)"
                var typeHandle: OpenFolder?
                var fans: [OpenFolder.Entry] = []
                do throws(FileSystemError) {
                    guard let ledgerFolder else { throw FileSystemError.system(operation: "open", path: typeFolder, errno: .ioError) }
                    let handle = try ledgerFolder.folder(type.folder)
                    fans = try handle.entries()
                    typeHandle = handle
                } catch .notFollowed(let path, let kind) {
                    summary.unsafe.append(UnsafeEntry(path: path, kind: kind))
                } catch .system(_, _, .noSuchFileOrDirectory) {
                    // A folder that is gone takes its records with it.
                } catch {
                    // One that cannot be listed right now keeps what the index holds.
                    presentFolders.formUnion(remembered.keys.filter { $0.hasPrefix(typeFolder + "/") })
                }
                for fan in fans where fan.name.utf8.count == 2 {
                    let relative = typeFolder + "/" + fan.name
                    if fan.kind.isSpecial {
                        summary.unsafe.append(UnsafeEntry(path: relative, kind: fan.kind))
                        continue
                    }
                    guard fan.kind == .folder else { continue }
                    let st: Stat
                    do {
                        guard let found = try typeHandle?.status(of: fan.name) else { continue }
                        st = found
                    } catch {
                        presentFolders.insert(relative)
                        continue
                    }
                    guard EntryKind(st.type) == .folder else { continue }
                    let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
                    presentFolders.insert(relative)
                    if full || remembered[relative] != mtime {
                        changedFolders.append((relative, mtime, ledger, type))
                    }
                }
            }
        }

        // Rows of folders and ledgers that vanished (a checkout of an older commit).
        // A refresh that finds nothing to change writes nothing: no transaction, no fsync.
        let presentLedgers = Set(ledgers)
        let goneLedgers = try index.pool.read { db in
            try Self.indexedLedgers(db).filter { !presentLedgers.contains($0) }
        }
        let goneFolders = remembered.keys.filter { !presentFolders.contains($0) }
        if !goneLedgers.isEmpty || !goneFolders.isEmpty { try index.pool.write { db in
            for gone in goneLedgers {
                try db.execute(sql: "DELETE FROM records WHERE ledger = ?", arguments: [gone])
                summary.removed += db.changesCount
                try db.execute(sql: "DELETE FROM scanned_folders WHERE path LIKE ?", arguments: ["\(LedgerStore.folderName)/\(gone)/%"])
            }
            // A fan-out folder gone as a whole (git clean, an older checkout) is never listed
            // again, so its records are dropped here, by their path range.
            for gone in goneFolders {
                let (low, high) = (gone + "/", gone + "0")
                try db.execute(sql: "DELETE FROM records WHERE path > ? AND path < ?", arguments: [low, high])
                summary.removed += db.changesCount
                try db.execute(sql: "DELETE FROM skipped WHERE path > ? AND path < ?", arguments: [low, high])
                try db.execute(sql: "DELETE FROM scanned_folders WHERE path = ?", arguments: [gone])
            }
        } }

        var pending: [RecordFile] = []
        for folder in changedFolders {
            let parts = folder.relative.split(separator: "/").dropFirst().map(String.init)
            // A record-named symlink, FIFO or device is kept: reading it fails, so it is skipped with a reason.
            let fanFolder = try? root?.folder(at: parts)
            let entries = (try? fanFolder?.entries()) ?? []
            var onDisk = Set<String>()
            for name in entries.filter({ $0.kind != .folder }).map(\.name) where name.hasSuffix(".json") && !name.hasPrefix(".") {
                guard let id = LedgerStore.recordID(named: name, inFan: String(folder.relative.suffix(2))) else { continue }
                let file = RecordFile(ledger: folder.ledger, type: folder.type, id: id)
                onDisk.insert(file.relativePath)
            }
            // A range on the primary key, not LIKE (which SQLite cannot serve from the index):
            // every path in the folder sorts between "<folder>/" and "<folder>0".
            let (low, high) = (folder.relative + "/", folder.relative + "0")
            let indexed: Set<String> = full ? [] : try index.pool.read { db in
                Set(try String.fetchAll(db, sql: """
                    SELECT path FROM records WHERE path > ? AND path < ?
                    UNION SELECT path FROM skipped WHERE path > ? AND path < ?
                    """, arguments: [low, high, low, high]))
            }
            let rewritten = full ? [] : try rewrittenRecords(
                indexed.intersection(onDisk), in: fanFolder, since: Self.scanReference(remembered[folder.relative]), folder: folder)
            let removed = indexed.subtracting(onDisk).union(rewritten)
            if !removed.isEmpty {
                try index.pool.write { db in
                    for path in removed {
                        try db.execute(sql: "DELETE FROM records WHERE path = ?", arguments: [path])
                        try db.execute(sql: "DELETE FROM skipped WHERE path = ?", arguments: [path])
                    }
                }
                summary.removed += removed.count - rewritten.count
            }
            for path in onDisk.subtracting(indexed).union(rewritten).sorted() {
                let id = String(path[path.index(after: path.lastIndex(of: "/")!)...].dropLast(5))
                pending.append(RecordFile(ledger: folder.ledger, type: folder.type, id: id))
            }
        }

        // One transaction for all batches: committing per batch rewrote the same index
        // pages into the WAL again and again. Decoding still goes batch by batch.
        // The next batch is parsed and hashed on the other threads while this one is inserted.
        let batches = pending.chunked(into: Self.batchSize)
        if !pending.isEmpty { try index.pool.write { db in
            let bulk = pending.count >= Self.bulkLoadThreshold
            if bulk { try IndexSchema.dropSecondaryIndexes(db) }
            var ahead = batches.isEmpty ? nil : Prefetch { self.decodeInParallel(batches[0]) }
            for (number, batch) in batches.enumerated() {
                let decoded = ahead!.value
                ahead = number + 1 < batches.count ? Prefetch { self.decodeInParallel(batches[number + 1]) } : nil
                for (file, result) in zip(batch, decoded) {
                    switch result {
                    case .success(let loaded):
                        try IndexWriter.insert(loaded.record, bytes: loaded.bytes, file: file, in: db)
                        summary.added += 1
                    case .failure(let error):
                        try db.execute(sql: "INSERT OR REPLACE INTO skipped (path, reason) VALUES (?, ?)",
                                       arguments: [file.relativePath, error.description])
                        summary.skipped.append(.init(path: file.relativePath, reason: error.description))
                    }
                }
            }
            if bulk { try IndexSchema.createSecondaryIndexes(db) }
        } }

        if !changedFolders.isEmpty { try index.pool.write { db in
            for folder in changedFolders {
                // A folder changed within the racy window is listed again next time (-1 matches
                // no mtime) but still remembered, so that its records go if it vanishes.
                // Stored negated (never a real mtime), so that the next listing still knows
                // which files changed since (`scanReference`).
                let mtime = folder.mtime + Self.racyWindowNanoseconds < now ? folder.mtime : (folder.mtime > 1 ? -folder.mtime : -1)
                try db.execute(sql: "INSERT OR REPLACE INTO scanned_folders (path, mtime_ns) VALUES (?, ?)",
                               arguments: [folder.relative, mtime])
            }
        } }
        // A bulk load went through the WAL, which is kept between processes: give its space back.
        if pending.count >= Self.bulkLoadThreshold {
            _ = try index.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        return summary
    }

    /// The folder's mtime when it was last listed, from what `scanned_folders` remembers (a
    /// folder listed within the racy window is remembered negated; -1, from caches before v5,
    /// and a folder never listed give 0: every file in it counts as changed).
    static func scanReference(_ remembered: Int64?) -> Int64 {
        guard let remembered else { return 0 }
        if remembered > 0 { return remembered }
        return remembered < -1 ? -remembered : 0
    }

    /// Indexed records of a listed folder whose file was replaced or rewritten since the folder
    /// was last listed (an editor's save, a checkout of other content under the same name): a
    /// ctime or mtime not older than the folder's mtime then, and bytes that differ from what
    /// the index holds (or a record the index skipped). They are verified again. A file written
    /// in place without touching its folder is found by `fsck`, not here: that would cost a
    /// `stat` of every record file in every command.
    private func rewrittenRecords(_ paths: Set<String>, in fan: OpenFolder?, since reference: Int64,
                                  folder: (relative: String, mtime: Int64, ledger: String, type: LedgerRecord.RecordType))
        throws -> Set<String>
    {
        guard let fan, !paths.isEmpty else { return [] }
        var candidates: [(path: String, bytes: [UInt8]?)] = []
        for path in paths {
            let name = (path as NSString).lastPathComponent
            guard let st = try? fan.status(of: name) else { continue }
            let ctime = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
            let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            guard max(ctime, mtime) >= reference else { continue }
            let id = String(name.dropLast(5))
            candidates.append((path, try? index.store.readBytes(RecordFile(ledger: folder.ledger, type: folder.type, id: id), inFan: fan)))
        }
        guard !candidates.isEmpty else { return [] }
        let (low, high) = (folder.relative + "/", folder.relative + "0")
        let stored: [String: [UInt8]] = try index.pool.read { db in
            var stored: [String: [UInt8]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, json FROM records WHERE path > ? AND path < ?", arguments: [low, high]) {
                let path: String = row["path"]
                let json: Data = row["json"]
                stored[path] = [UInt8](json)
            }
            return stored
        }
        return Set(candidates.filter { candidate in candidate.bytes == nil || stored[candidate.path] != candidate.bytes }.map(\.path))
    }

    /// The ledgers the index holds records of, one seek per ledger on `records_ledger_type`.
    /// `SELECT DISTINCT ledger` walked all 120,000 index entries at 100k: 16 ms of every command.
    static func indexedLedgers(_ db: Database) throws -> [String] {
        var ledgers: [String] = []
        var next = try String.fetchOne(db, sql: "SELECT min(ledger) FROM records")
        while let ledger = next {
            ledgers.append(ledger)
            next = try String.fetchOne(db, sql: "SELECT min(ledger) FROM records WHERE ledger > ?", arguments: [ledger])
        }
        return ledgers
    }

    private struct Loaded: Sendable {
        var record: LedgerRecord
        var bytes: [UInt8]
    }

    /// Verifying a record means parsing and hashing it; both cores share the work.
    /// Each fan-out folder is opened once per batch, not three folders per record.
    private func decodeInParallel(_ files: [RecordFile]) -> [Result<Loaded, RecordReadError>] {
        let store = index.store
        let root = try? store.openLedgers()
        var fans: [Substring: Result<OpenFolder, RecordReadError>] = [:]
        let opened: [Result<OpenFolder, RecordReadError>] = files.map { file in
            // Not NSString's path methods: at 100,000 records they cost 7% of a reindex.
            let key = file.relativePath[..<file.relativePath.lastIndex(of: "/")!]
            if let known = fans[key] { return known }
            let fan = Result { () throws(RecordReadError) -> OpenFolder in
                do throws(FileSystemError) {
                    let ledgers: OpenFolder
                    if let root { ledgers = root } else { ledgers = try store.openLedgers() }
                    return try store.openFan(of: file, under: ledgers)
                } catch {
                    throw .file(error)
                }
            }
            fans[key] = fan
            return fan
        }
        let clock = Date()
        return ParallelMap.map(Array(zip(files, opened))) { pair in
            let (file, fan) = pair
            return Result { () throws(RecordReadError) -> Loaded in
                let bytes = try store.readBytes(file, inFan: fan.get())
                do throws(RecordDefect) {
                    return Loaded(record: try RecordCodec.decode(bytes, expectedID: file.id, folder: file.type.folder, clock: clock).0,
                                  bytes: bytes)
                } catch {
                    throw .defect(error)
                }
            }
        }
    }
}
