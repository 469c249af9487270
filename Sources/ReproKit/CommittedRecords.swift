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
    /// decoded on every core, a batch at a time so a large ledger never sits in memory whole.
    static func read(_ files: [RecordFile], in tree: RevisionTree) throws -> [CommittedRecord] {
        var results: [CommittedRecord] = []
        results.reserveCapacity(files.count)
        for batch in files.chunked(into: 4000) {
            let contents = try batch.map { try tree.content(of: $0.relativePath) }
            let commit = tree.commit
            results += ParallelMap.map(Array(zip(batch, contents))) { file, bytes in decode(file, bytes, commit: commit) }
        }
        return results
    }

    private static func decode(_ file: RecordFile, _ bytes: [UInt8]?, commit: String) -> CommittedRecord {
        guard let bytes else { return .problem(FsckProblem(path: file.relativePath, problem: "missing from commit \(commit)")) }
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
