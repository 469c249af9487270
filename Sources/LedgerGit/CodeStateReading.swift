import Foundation
import LedgerCore

extension GitRepository {
    /// The code an experiment runs with: HEAD's commit and branch, and whether (and how) the work tree differs from it.
    ///
    /// Paths under `excludedPrefixes` never count, because the tool writes the ledger
    /// itself and that must not make the code look modified. Untracked files that git
    /// does not ignore count, with their content, since the run may have used them.
    public func codeState(excluding excludedPrefixes: [String] = ["ledgers/", ".repro/"]) throws -> CodeState {
        let excluded = try excludedPrefixes.map(RepositoryPath.init)
        let head = try readHead()
        let patch = try WorkTreePatch(repository: self, base: head.commit, excluding: excluded)
        return CodeState(
            repository: true,
            commit: head.commit?.hex,
            branch: head.branch,
            detached: head.isDetached,
            dirty: !patch.isEmpty,
            diffDigest: patch.isEmpty ? nil : Digest.of(patch.bytes))
    }

    /// The code state at `directory`, or `CodeState.noRepository` when no repository contains it,
    /// because running outside git is a limitation to disclose, not a failure.
    public static func codeState(at directory: URL, excluding excludedPrefixes: [String] = ["ledgers/", ".repro/"]) throws -> CodeState {
        let repository: GitRepository
        do {
            repository = try discover(from: directory)
        } catch GitError.notARepository {
            return .noRepository
        }
        return try repository.codeState(excluding: excludedPrefixes)
    }
}
