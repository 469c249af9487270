import LedgerCore
import LedgerGit

/// A ledger's record files as one commit holds them, each checked the way `fsck` checks the work tree.
///
/// Seals are computed and verified from commits, not from the work tree, so a tag pins exactly
/// what anyone who checks out the tagged commit gets.
struct CommittedLedger {
    /// Ids of every record except seals, from the file names: the leaves of a seal's Merkle root.
    var sealableIDs: [Digest] = []
    /// The seal records, by id.
    var seals: [String: SealRecord] = [:]
    /// Files that do not hash to their name, do not parse, or are not named like records.
    var problems: [FsckProblem] = []

    init(ledger: String, in tree: RevisionTree) throws {
        var files: [RecordFile] = []
        for path in try tree.files(under: "\(LedgerStore.folderName)/\(ledger)") {
            switch RecordLocation(path: path) {
            case .elsewhere: continue
            case .stray: problems.append(FsckProblem(path: path, problem: StrayFile.problem))
            case .record(let file): files.append(file)
            }
        }
        sealableIDs = files.filter { $0.type != .seal }.compactMap { Digest(parsing: $0.id) }
        for (file, read) in zip(files, try CommittedRecord.read(files, in: tree)) {
            switch read {
            case .record(.seal(let seal)): seals[file.id] = seal
            case .record: break
            case .problem(let problem): problems.append(problem)
            }
        }
    }
}

/// A single record read out of a commit: the record, or what is wrong with its file.
enum CommittedRecord {
    case record(LedgerRecord)
    case problem(FsckProblem)

    /// The records at `files`' paths in the commit, each verified against its name and folder,
    /// in the order given. A record that fails is a problem to report; a failure to read git
    /// itself is thrown. Blobs are read on this thread (libgit2 handles are not shared) and
    /// decoded on every core, a batch at a time so a large ledger never sits in memory whole:
    /// at most 4,000 records or 64 MiB of them, since each may be as large as the 4 MiB cap.
    static func read(_ files: [RecordFile], in tree: RevisionTree) throws -> [CommittedRecord] {
        var results: [CommittedRecord] = []
        results.reserveCapacity(files.count)
        var batch: [(RecordFile, CommittedFile?)] = []
        var batchBytes = 0
        func decodeBatch() {
            let commit = tree.commit
            results += ParallelMap.map(batch) { file, content in decode(file, content, commit: commit) }
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
        }
        for file in files {
            let content = try tree.content(of: file.relativePath, limit: RecordLimits.maximumSize)
            if case .bytes(let bytes) = content { batchBytes += bytes.count }
            batch.append((file, content))
            if batch.count == 4000 || batchBytes >= 64 << 20 { decodeBatch() }
        }
        decodeBatch()
        return results
    }

    private static func decode(_ file: RecordFile, _ content: CommittedFile?, commit: String) -> CommittedRecord {
        let bytes: [UInt8]
        switch content {
        case nil: return .problem(FsckProblem(path: file.relativePath, problem: "missing from commit \(commit)"))
        // Worded as the work tree's checks word them (`fsck`, `FileSystemError`).
        case .symbolicLink?: return .problem(FsckProblem(path: file.relativePath,
                                                         problem: FileSystemError.notFollowed(path: file.relativePath, kind: .symbolicLink).reason))
        case .tooLarge(let size)?: return .problem(FsckProblem(path: file.relativePath, problem: RecordDefect.tooLarge(bytes: size).description))
        case .bytes(let read)?: bytes = read
        }
        do throws(RecordDefect) {
            return .record(try RecordCodec.decode(bytes, expectedID: file.id, folder: file.type.folder).0)
        } catch {
            return .problem(FsckProblem(path: file.relativePath, problem: error.description))
        }
    }
}

enum StrayFile {
    /// The same wording `fsck` uses for the work tree.
    static let problem = "not a record file name (<64 hex>.json in the folder of its first two characters)"
}
