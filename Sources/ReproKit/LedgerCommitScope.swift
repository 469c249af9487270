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
    static let gitignore = ".gitignore"

    static func paths(top: URL, repository: GitRepository) throws -> [String] {
        var paths = [LedgerStore.folderName]
        if try initAloneChangedGitignore(top: top, repository: repository) { paths.append(gitignore) }
        return paths
    }

    private static func initAloneChangedGitignore(top: URL, repository: GitRepository) throws -> Bool {
        guard let current = FileManager.default.contents(atPath: top.appendingPathComponent(gitignore).path) else { return false }
        let committed: [UInt8]
        do {
            committed = try repository.tree(at: "HEAD").content(of: gitignore) ?? []
        } catch GitError.unknownRevision {
            committed = []
        }
        return [UInt8](current) == CacheIgnoreEntry.appended(to: committed)
    }
}
