/// The walk of `ledgers/` behind `LedgerStore.list`: each folder is opened relative to its
/// parent's descriptor without following links, and every symlink, FIFO, device or socket
/// met on the way is reported rather than entered.
extension LedgerStore {
    /// Deepest folder nesting searched for unsafe entries outside the record folders.
    static let maximumScanDepth = 16

    /// Every record file of the given ledgers (all when nil), plus leftovers and defects.
    public func list(ledgers: [String]? = nil) -> StoreListing {
        var listing = StoreListing()
        let root: OpenFolder
        do { root = try openLedgers() } catch {
            if case .notFollowed(let path, let kind) = error { listing.unsafeEntries.append(UnsafeEntry(path: path, kind: kind)) }
            return listing
        }
        for entry in (try? root.entries()) ?? [] {
            if entry.kind.isSpecial {
                listing.unsafeEntries.append(UnsafeEntry(path: root.child(entry.name), kind: entry.kind))
            } else if entry.kind == .regular {
                noteFile(entry.name, in: root, allowed: Self.ledgersFiles, into: &listing)
            } else if entry.kind == .folder, let folder = try? root.folder(entry.name) {
                if (try? Names.validate(entry.name, as: .ledger)) != nil {
                    if ledgers?.contains(entry.name) ?? true { listLedger(entry.name, folder, into: &listing) }
                } else {
                    scanForUnsafe(folder, depth: 1, into: &listing)
                }
            }
        }
        return listing
    }

    private func listLedger(_ ledger: String, _ folder: OpenFolder, into listing: inout StoreListing) {
        for entry in (try? folder.entries()) ?? [] {
            if entry.kind.isSpecial {
                listing.unsafeEntries.append(UnsafeEntry(path: folder.child(entry.name), kind: entry.kind))
            } else if entry.kind == .regular {
                noteFile(entry.name, in: folder, allowed: ["README.md"], into: &listing)
            } else if entry.kind == .folder, let sub = try? folder.folder(entry.name) {
                if let type = LedgerRecord.RecordType(folder: entry.name) {
                    listType(ledger, type, sub, into: &listing)
                } else {
                    scanForUnsafe(sub, depth: 2, into: &listing)
                }
            }
        }
    }

    private func listType(_ ledger: String, _ type: LedgerRecord.RecordType, _ folder: OpenFolder, into listing: inout StoreListing) {
        for fan in (try? folder.entries()) ?? [] {
            let fanPath = folder.child(fan.name)
            if fan.kind.isSpecial {
                listing.unsafeEntries.append(UnsafeEntry(path: fanPath, kind: fan.kind))
                continue
            }
            guard fan.kind == .folder, let fanFolder = try? folder.folder(fan.name) else {
                listing.strayFiles.append(fanPath)
                continue
            }
            for entry in (try? fanFolder.entries()) ?? [] {
                let relative = fanFolder.child(entry.name)
                switch entry.kind {
                case .folder:
                    listing.strayFiles.append(relative)
                    if let sub = try? fanFolder.folder(entry.name) { scanForUnsafe(sub, depth: 5, into: &listing) }
                case .regular:
                    if entry.name.contains(TemporaryFile.marker) {
                        listing.temporaryFiles.append(relative)
                    } else if let id = Self.recordID(named: entry.name, inFan: fan.name) {
                        listing.records.append(RecordFile(ledger: ledger, type: type, id: id))
                    } else {
                        listing.strayFiles.append(relative)
                    }
                default:
                    listing.unsafeEntries.append(UnsafeEntry(path: relative, kind: entry.kind))
                }
            }
        }
    }

    /// Looks for unsafe entries and foreign files in folders `repro` never reads, so `fsck` and `commit` see them.
    private func scanForUnsafe(_ folder: OpenFolder, depth: Int, into listing: inout StoreListing) {
        guard depth < Self.maximumScanDepth else { return }
        for entry in (try? folder.entries()) ?? [] {
            if entry.kind.isSpecial {
                listing.unsafeEntries.append(UnsafeEntry(path: folder.child(entry.name), kind: entry.kind))
            } else if entry.kind == .regular {
                noteFile(entry.name, in: folder, allowed: [], into: &listing)
            } else if entry.kind == .folder, let sub = try? folder.folder(entry.name) {
                scanForUnsafe(sub, depth: depth + 1, into: &listing)
            }
        }
    }

    /// Files `repro init` writes in `ledgers/` itself.
    static let ledgersFiles: Set<String> = ["README.md", ".gitignore", ".gitattributes"]

    /// A regular file outside the record folders: one `repro` writes, a writer's temporary file, or foreign.
    private func noteFile(_ name: String, in folder: OpenFolder, allowed: Set<String>, into listing: inout StoreListing) {
        if allowed.contains(name) { return }
        if name.contains(TemporaryFile.marker) {
            listing.temporaryFiles.append(folder.child(name))
        } else {
            listing.foreignFiles.append(folder.child(name))
        }
    }

    /// The id of a file named like a record (`<64 hex>.json` in the folder of its first two characters).
    public static func recordID(named name: String, inFan fan: String) -> String? {
        guard name.hasSuffix(".json"), !name.hasPrefix("sha256"), let id = Digest(parsing: String(name.dropLast(5))),
              id.hex.hasPrefix(fan), fan.utf8.count == 2 else { return nil }
        return id.hex
    }
}
