import LedgerCore
import LedgerGit

/// A revision as the user typed it and the commit it named.
public struct RevisionPoint: Codable, Sendable, Equatable {
    public var revision: String
    public var commit: String
}

/// One record a later commit holds and an earlier one does not.
public struct AddedRecord: Encodable, Sendable {
    public var ledger: String
    public var type: LedgerRecord.RecordType
    public var id: String
    public var path: String
    /// One line for people, e.g. `experiment ablation-lr3 (tab:ablation)`.
    public var summary: String
    public var record: LedgerRecord
}

public struct LedgerAdditions: Encodable, Sendable {
    public var ledger: String
    public var records: [AddedRecord]
}

/// A record file an earlier commit holds and a later one does not.
public struct RemovedRecord: Encodable, Sendable {
    public var ledger: String
    public var path: String
    /// What the record said, read from the earlier commit; the path alone when it cannot be read there.
    public var summary: String
}

/// What `repro diff` found: the records added between two commits, per ledger, and any removed.
public struct LedgerDiff: Encodable, Sendable {
    public var from: RevisionPoint
    public var to: RevisionPoint
    public var ledgers: [LedgerAdditions]
    /// Added or edited files that fail their check at `to` (edited, truncated, or not named like records).
    public var problems: [FsckProblem]
    /// Records are only ever added: a removed one (a withdrawal event deleted, say) changes what
    /// the statement says, so review must see it.
    public var removed: [RemovedRecord]

    public var failed: Bool { !problems.isEmpty || !removed.isEmpty }
}

extension Workspace {
    /// Records added from `from` to `to` (HEAD when nil): "what changed since we submitted".
    ///
    /// Read from the commits, not the work tree, so it answers for any two points of history;
    /// each record is checked against its name. Records are only ever added, so a record file
    /// that `from` holds and `to` does not is listed as removed, and fails the diff.
    public func diff(from: String, to: String? = nil) throws -> LedgerDiff {
        let repository = try repository()
        let start = RevisionPoint(revision: from, commit: try repository.resolve(from))
        let tree = try repository.tree(at: to ?? "HEAD")
        let end = RevisionPoint(revision: to ?? "HEAD", commit: tree.commit)

        var files: [RecordFile] = []
        var problems: [FsckProblem] = []
        let changed = try repository.changedFiles(from: start.commit, to: end.commit, under: LedgerStore.folderName)
        // A record file edited in place no longer hashes to its name: it is checked as an added one is.
        var edited: Set<String> = []
        for path in changed.modified {
            guard case .record(let file) = RecordLocation(path: path) else { continue }
            edited.insert(path)
            files.append(file)
        }
        for path in changed.added {
            switch RecordLocation(path: path) {
            case .elsewhere: continue
            case .stray: problems.append(FsckProblem(path: path, problem: StrayFile.problem))
            case .record(let file): files.append(file)
            }
        }
        var found: [(file: RecordFile, record: LedgerRecord)] = []
        for (file, read) in zip(files, try CommittedRecord.read(files, in: tree)) {
            switch read {
            // Content that still hashes to its name under a changed mode: nothing was added.
            case .record where edited.contains(file.relativePath): break
            case .record(let record): found.append((file, record))
            case .problem(let problem):
                problems.append(edited.contains(file.relativePath)
                    ? FsckProblem(path: problem.path, problem: "changed since \(start.revision): " + problem.problem) : problem)
            }
        }

        let names = artifactNames(found.map(\.record))
        var ledgers: [String: [AddedRecord]] = [:]
        for (file, record) in found {
            ledgers[file.ledger, default: []].append(AddedRecord(
                ledger: file.ledger, type: file.type, id: file.id, path: file.relativePath,
                summary: RecordSummary.line(record, names: names), record: record))
        }
        return LedgerDiff(
            from: start, to: end,
            ledgers: ledgers.keys.sorted().map { LedgerAdditions(ledger: $0, records: RecordSummary.ordered(ledgers[$0]!)) },
            problems: problems, removed: try removedRecords(changed.removed, from: start, in: repository))
    }

    /// The record files of `from` that `to` no longer holds, summarised from `from`.
    private func removedRecords(_ paths: [String], from start: RevisionPoint, in repository: GitRepository) throws -> [RemovedRecord] {
        let files = paths.compactMap { path -> RecordFile? in
            if case .record(let file) = RecordLocation(path: path) { return file }
            return nil
        }
        guard !files.isEmpty else { return [] }
        let read = try CommittedRecord.read(files, in: repository.tree(at: start.commit))
        var records: [LedgerRecord] = []
        for case .record(let record) in read { records.append(record) }
        let names = artifactNames(records)
        return zip(files, read).map { file, read in
            let summary: String
            if case .record(let record) = read { summary = RecordSummary.line(record, names: names) } else { summary = file.relativePath }
            return RemovedRecord(ledger: file.ledger, path: file.relativePath, summary: summary)
        }
    }

    /// Names for the artifacts events and manifests refer to: from the added records first,
    /// then from the index of the work tree when there is one; a digest stands in otherwise.
    private func artifactNames(_ records: [LedgerRecord]) -> [Digest: String] {
        var names: [Digest: String] = [:]
        var wanted: Set<Digest> = []
        for record in records {
            switch record {
            case .artifact(let artifact): names[artifact.digest] = names[artifact.digest] ?? artifact.name
            case .availability(let event): wanted.insert(event.digest)
            case .manifest(let manifest): wanted.insert(manifest.folder)
            default: break
            }
        }
        let missing = wanted.subtracting(names.keys)
        if !missing.isEmpty, store.isInitialized, let known = try? index().names(of: Array(missing)) {
            for (digest, list) in known { if let first = list.first { names[digest] = first } }
        }
        return names
    }
}
