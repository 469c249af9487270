import Foundation
import LedgerCore
import LedgerGit

/// What `repro seal` made: the seal record, the commit holding it, and the tag citing it.
public struct SealOutcome: Codable, Sendable {
    public var ledger: String
    public var sequence: Int
    /// Merkle root over the ids of every record of the ledger but seals, at `commit`.
    public var root: Digest
    public var records: Int
    public var sealRecord: String
    public var sealRecordPath: String
    /// The commit the tag points to: the ledger as sealed, plus the seal record.
    public var commit: String
    public var tag: String
    /// The commit of the ledger's pending records made first (`committed: false` when there were none).
    public var ledgerCommit: CommitReport
}

extension Workspace {
    /// Seals a ledger: commits it, computes the Merkle root over its records at that commit,
    /// writes and commits a seal record, and tags that commit `repro/<ledger>/<n>`.
    ///
    /// The root is computed from the commit rather than the work tree so it is exactly what
    /// `repro verify --seal` recomputes from the tag in any clone. Records that fail their
    /// check stop the seal before anything is committed.
    public func seal(ledger: String) throws -> SealOutcome {
        try store.requireLedger(ledger)
        let pending = workTreeProblems(ledgers: [ledger])
        guard pending.isEmpty else { throw SealError.defectiveRecords(ledger: ledger, problems: pending) }

        let repository = try repository()
        let ledgerCommit = try commitLedgers(message: nil, in: repository)
        let base = try repository.tree(at: "HEAD")
        let sealed = try CommittedLedger(ledger: ledger, in: base)
        guard sealed.problems.isEmpty else { throw SealError.defectiveRecords(ledger: ledger, problems: sealed.problems) }

        let root = MerkleRoot.of(sealed.sealableIDs)
        let sequence = try nextSequence(of: ledger, after: sealed, in: repository)
        let record = SealRecord(ledger: ledger, root: root, recordCount: sealed.sealableIDs.count, sequence: sequence,
                                sealedAt: now(), recordedBy: agent)
        let file = try store.write(.seal(record), to: ledger).file
        let outcome = try repository.commit(
            paths: [file.relativePath],
            message: "repro: seal ledger \(ledger) #\(sequence)\n\nroot: \(root)\nrecords: \(record.recordCount)\n")
        if outcome.parent != base.commit {
            // Someone committed between our two commits; the tag is only honest if the records are the same.
            let landed = try CommittedLedger(ledger: ledger, in: repository.tree(at: outcome.commit))
            guard Set(landed.sealableIDs) == Set(sealed.sealableIDs), landed.problems.isEmpty else {
                throw SealError.ledgerMoved(ledger: ledger, sealRecord: file.relativePath, commit: outcome.commit)
            }
        }
        let message = SealTagMessage(ledger: ledger, sequence: sequence, root: root, records: record.recordCount, sealRecord: file.id)
        _ = try repository.createAnnotatedTag(name: message.tagName, message: message.text, at: outcome.commit)
        return SealOutcome(ledger: ledger, sequence: sequence, root: root, records: record.recordCount, sealRecord: file.id,
                           sealRecordPath: file.relativePath, commit: outcome.commit, tag: message.tagName, ledgerCommit: ledgerCommit)
    }

    /// One more than any seal of the ledger so far, counting seal records, their sequence numbers
    /// and existing `repro/<ledger>/<n>` tags, so a new seal never collides with an old tag
    /// (for instance one made on another branch whose seal record is not here).
    private func nextSequence(of ledger: String, after committed: CommittedLedger, in repository: GitRepository) throws -> Int {
        let prefix = SealTagMessage.tagPrefix(ledger: ledger)
        let tagged = try repository.tagNames(withPrefix: prefix).compactMap { Int($0.dropFirst(prefix.count)) }
        let next = max(committed.seals.count, committed.seals.values.map(\.sequence).max() ?? 0, tagged.max() ?? 0) + 1
        guard next <= SealRecord.maximumSequence else {
            // Only a tag can get here (seal records beyond the limit fail their check): name it.
            let tag = prefix + String(tagged.max() ?? next - 1)
            throw LedgerError.invalidInput("cannot number the next seal of ledger \(ledger): tag \(TerminalText.escaped(tag)) "
                + "leaves no number below the limit of \(SealRecord.maximumSequence) seals a ledger may have; delete it "
                + "(`git tag -d \(TerminalText.escaped(tag))`) if it was not yours")
        }
        return next
    }
}
