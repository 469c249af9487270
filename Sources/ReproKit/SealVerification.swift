import LedgerCore
import LedgerGit

/// The outcome of `repro verify --seal TAG`: what the tag claims against what its commit holds.
public struct SealCheck: Codable, Sendable {
    public struct Tally: Codable, Sendable, Equatable {
        public var records: Int
        public var root: Digest
    }

    public var tag: String
    public var ledger: String
    public var sequence: Int
    /// The commit the tag points to.
    public var commit: String
    /// What the tag message says.
    public var sealed: Tally
    /// What the records at the commit give now.
    public var found: Tally
    public var sealRecord: String
    /// Files that fail their check at the commit, and any disagreement of the seal record with the tag.
    public var problems: [FsckProblem]
    /// Same root, same count, and no problems: the tagged commit holds exactly what was sealed.
    public let matches: Bool

    init(tag: String, ledger: String, sequence: Int, commit: String, sealed: Tally, found: Tally, sealRecord: String, problems: [FsckProblem]) {
        self.tag = tag
        self.ledger = ledger
        self.sequence = sequence
        self.commit = commit
        self.sealed = sealed
        self.found = found
        self.sealRecord = sealRecord
        self.problems = problems
        matches = sealed == found && problems.isEmpty
    }
}

extension Workspace {
    /// Recomputes a seal from the tagged commit alone, so it holds in any clone, whatever the work tree holds.
    ///
    /// Throws `GitError.unknownTag` (or `notAnnotatedTag`) for a tag that is not there, and
    /// `SealError.notASeal` for a tag whose message is not a seal's.
    public func verifySeal(tag rawTag: String) throws -> SealCheck {
        let tag = rawTag.hasPrefix("refs/tags/") ? String(rawTag.dropFirst("refs/tags/".count)) : rawTag
        let repository = try repository()
        guard let claim = SealTagMessage(parsing: try repository.tagMessage(tag)) else { throw SealError.notASeal(tag: tag) }
        let tree = try repository.tree(at: "refs/tags/" + tag)
        let committed = try CommittedLedger(ledger: claim.ledger, in: tree)

        var problems = committed.problems
        let sealPath = RecordFile(ledger: claim.ledger, type: .seal, id: claim.sealRecord).relativePath
        if let record = committed.seals[claim.sealRecord] {
            let disagreements = [
                record.ledger == claim.ledger ? nil : "ledger \(record.ledger)",
                record.sequence == claim.sequence ? nil : "sequence \(record.sequence)",
                record.root == claim.root ? nil : "root \(record.root)",
                record.recordCount == claim.records ? nil : "record count \(record.recordCount)",
            ].compactMap { $0 }
            if !disagreements.isEmpty {
                problems.append(FsckProblem(path: sealPath, problem: "the seal record says \(disagreements.joined(separator: ", ")), unlike the tag"))
            }
        } else if !problems.contains(where: { $0.path == sealPath }) {
            problems.append(FsckProblem(path: sealPath, problem: "the seal record the tag names is not in commit \(tree.commit)"))
        }
        return SealCheck(
            tag: tag, ledger: claim.ledger, sequence: claim.sequence, commit: tree.commit,
            sealed: SealCheck.Tally(records: claim.records, root: claim.root),
            found: SealCheck.Tally(records: committed.sealableIDs.count, root: MerkleRoot.of(committed.sealableIDs)),
            sealRecord: sealPath, problems: problems.sorted { ($0.path, $0.problem) < ($1.path, $1.problem) })
    }
}
