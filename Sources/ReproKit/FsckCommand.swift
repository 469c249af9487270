import Foundation
import LedgerCore
import SystemPackage

/// One thing `fsck` found wrong.
public struct FsckProblem: Codable, Sendable, Hashable {
    public var path: String
    public var problem: String
}

public struct FsckReport: Codable, Sendable {
    public var recordsChecked: Int
    public var problems: [FsckProblem]
    /// Temporary files a killed writer left behind; `fsck` deletes them (see `TemporaryFile.isAbandoned`).
    public var removedTemporaryFiles: [String]
    public var failed: Bool { !problems.isEmpty }
}

extension Workspace {
    /// Checks every record hashes to its name, matches its schema, and that every reference resolves.
    public func fsck() throws -> FsckReport {
        guard store.isInitialized else { throw LedgerError.notInitialized(top: top.path) }
        let listing = store.list()
        let removed = removeAbandonedTemporaryFiles(listing.temporaryFiles)
        var problems = listing.strayFiles.map { FsckProblem(path: $0, problem: StrayFile.problem) }
        problems += listing.unsafeEntries.map { FsckProblem(path: $0.path, problem: $0.problem) }
        problems += listing.foreignFiles.map { FsckProblem(path: $0, problem: ForeignFile.problem) }

        var facts = ReferenceFacts()
        let root = try? store.openLedgers()
        for batch in listing.records.chunked(into: 4000) {
            let decoded = ParallelMap.map(batch) { file in Result { () throws(RecordReadError) in try self.store.read(file, under: root) } }
            for (file, result) in zip(batch, decoded) {
                switch result {
                case .failure(let defect): problems.append(FsckProblem(path: file.relativePath, problem: defect.description))
                case .success(let record): facts.note(record, at: file.relativePath)
                }
            }
        }
        problems += facts.unresolved()
        return FsckReport(recordsChecked: listing.records.count, problems: problems.sorted { ($0.path, $0.problem) < ($1.path, $1.problem) },
                          removedTemporaryFiles: removed)
    }
}

extension Workspace {
    /// Deletes the temporary files no live writer can own any more (`TemporaryFile.isAbandoned`),
    /// each by `unlinkat` relative to its folder, reached from `ledgers/` without following links.
    func removeAbandonedTemporaryFiles(_ paths: [String], now: Int64 = Int64(Date().timeIntervalSince1970)) -> [String] {
        var removed: [String] = []
        for path in paths {
            var parts = path.split(separator: "/").map(String.init)
            guard parts.count >= 2, parts[0] == LedgerStore.folderName else { continue }
            let name = parts.removeLast()
            guard let folder = try? store.openLedgers().folder(at: Array(parts.dropFirst())),
                  let status = try? folder.status(of: name), EntryKind(status.type) == .regular,
                  TemporaryFile.isAbandoned(name: name, modified: Int64(status.st_mtim.tv_sec), now: now),
                  (try? folder.removeFile(name)) != nil
            else { continue }
            removed.append(path)
        }
        return removed
    }
}

/// What records claim about each other, collected in one pass and checked at the end.
private struct ReferenceFacts {
    var artifacts: Set<Digest> = []
    var folders: [Digest: String] = [:]
    var manifests: Set<Digest> = []
    var references: [(path: String, digest: Digest, what: String)] = []
    var problems: [FsckProblem] = []

    mutating func note(_ record: LedgerRecord, at path: String) {
        switch record {
        case .artifact(let a):
            artifacts.insert(a.digest)
            if a.layout == .folder { folders[a.digest] = path }
            references += a.derivedFrom.map { (path, $0, "derived-from artifact") }
        case .availability(let e):
            references.append((path, e.digest, "artifact of this availability event"))
        case .experiment(let x):
            references += x.inputs.map { (path, $0.digest, "input \($0.name.debugDescription)") }
            references += x.outputs.map { (path, $0.digest, "output \($0.name.debugDescription)") }
        case .manifest(let m):
            manifests.insert(m.folder)
            let recomputed = m.manifest.digest
            if recomputed != m.folder {
                problems.append(FsckProblem(path: path, problem: "manifest lists files whose digest is \(recomputed), not the folder digest \(m.folder)"))
            }
        case .license, .seal:
            break
        }
    }

    func unresolved() -> [FsckProblem] {
        var found = problems
        for reference in references where !artifacts.contains(reference.digest) {
            found.append(FsckProblem(path: reference.path, problem: "\(reference.what) \(reference.digest) is not recorded in any ledger"))
        }
        for (folder, path) in folders where !manifests.contains(folder) {
            found.append(FsckProblem(path: path, problem: "folder artifact \(folder) has no manifest record"))
        }
        return found
    }
}
