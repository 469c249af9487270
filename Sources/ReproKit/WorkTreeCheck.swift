import LedgerCore

extension Workspace {
    /// Files under `ledgers/` that `fsck` would report on their own: symlinks, FIFOs, devices
    /// and sockets, files not named like records, records that do not read, parse or hash to
    /// their name. `commit` and `seal` check this before anything is committed, so a commit
    /// holds only what `fsck` accepts. Temporary files of a writer running now are not
    /// problems: `ledgers/.gitignore` keeps them out of commits.
    func workTreeProblems(ledgers: [String]? = nil) -> [FsckProblem] {
        let listing = store.list(ledgers: ledgers)
        var problems = listing.strayFiles.map { FsckProblem(path: $0, problem: StrayFile.problem) }
        problems += listing.unsafeEntries.map { FsckProblem(path: $0.path, problem: $0.problem) }
        problems += listing.foreignFiles.map { FsckProblem(path: $0, problem: ForeignFile.problem) }
        let root = try? store.openLedgers()
        let defects = ParallelMap.map(listing.records) { file -> FsckProblem? in
            do throws(RecordReadError) {
                _ = try self.store.read(file, under: root)
                return nil
            } catch {
                return FsckProblem(path: file.relativePath, problem: error.description)
            }
        }
        return (problems + defects.compactMap { $0 }).sorted { ($0.path, $0.problem) < ($1.path, $1.problem) }
    }
}

/// `repro commit` refused: files under `ledgers/` that `fsck` does not accept.
public struct CommitRefusal: Error, CategorizedError, CustomStringConvertible, Sendable {
    public var problems: [FsckProblem]

    public var category: ErrorCategory { .checkFailed }

    public var description: String {
        "nothing committed: \(problems.count) file\(problems.count == 1 ? "" : "s") under ledgers/ that `repro fsck` does not accept:\n"
            + problems.map { "  \(TerminalText.escaped($0.path)): \(TerminalText.escaped($0.problem))" }.joined(separator: "\n")
    }
}
