import Foundation
import LedgerCore
import LedgerGit

/// The paths `repro commit` (and `repro seal`) commit: `ledgers/` (records, READMEs,
/// `.gitattributes`), plus `.gitignore` only when `repro init`'s `.repro/` line is its sole
/// change from HEAD (or it is new and holds just that line).
///
/// Any other edit to `.gitignore` is the user's, and committing a file the user is still
/// editing would break the promise that their other changes stay theirs; then `.gitignore`
/// is left alone and the user commits it themselves.
enum LedgerCommitScope {
    static let gitignore = CacheIgnoreEntry.file

    static func paths(top: URL, repository: GitRepository) throws -> [String] {
        var paths = [LedgerStore.folderName]
        if try initAloneChangedGitignore(top: top, repository: repository) { paths.append(gitignore) }
        return paths
    }

    private static func initAloneChangedGitignore(top: URL, repository: GitRepository) throws -> Bool {
        // One repro must not read (a link, a FIFO, over 1 MiB) is the user's to commit.
        guard let current = try? CacheIgnoreEntry.current(in: top) else { return false }
        let committed: [UInt8]
        do {
            switch try repository.tree(at: "HEAD").content(of: gitignore, limit: CacheIgnoreEntry.limit) {
            case nil: committed = []
            case .bytes(let bytes)?: committed = bytes
            case .symbolicLink?, .tooLarge?: return false
            }
        } catch GitError.unknownRevision {
            committed = []
        }
        return current == CacheIgnoreEntry.appended(to: committed)
    }
}
