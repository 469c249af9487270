/// A path relative to the top of the work tree, in git's spelling: `/` separators, no `./`, no trailing `/`.
///
/// A path names a file or a whole folder, so `ledgers` covers `ledgers/main/x.json`
/// but not `ledgers-old/y`.
struct RepositoryPath: Hashable, Sendable, CustomStringConvertible {
    let text: String

    /// Normalises what a user or caller typed; throws `invalidPath` for anything outside the work tree.
    init(_ raw: String) throws {
        guard !raw.hasPrefix("/") else { throw GitError.invalidPath(raw) }
        let parts = raw.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains(".."), parts.first != ".git" else {
            throw GitError.invalidPath(raw)
        }
        text = parts.joined(separator: "/")
    }

    /// Whether `path` (a repository-relative path as libgit2 reports it) is this path or lies under it.
    func covers(_ path: String) -> Bool {
        path == text || (path.hasPrefix(text) && path.utf8.dropFirst(text.utf8.count).first == UInt8(ascii: "/"))
    }

    var description: String { text }

    /// A gitignore rule matching exactly this path from the top, or nil when the path holds a
    /// character with a meaning in such rules (the caller then only filters what the diff reports).
    var ignoreRule: String? {
        let special = Set("*?[]\\!#\n\r\t ")
        return text.contains(where: special.contains) ? nil : "/" + text
    }
}

extension Array where Element == RepositoryPath {
    func cover(_ path: String) -> Bool {
        contains { $0.covers(path) }
    }
}
