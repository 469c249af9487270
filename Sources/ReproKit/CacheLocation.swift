import Foundation

/// Where the derived SQLite files live: `.repro/` at the top of the git work tree
/// (ignored by git), or the user's cache folder outside a repository.
public enum CacheLocation {
    /// `REPRO_CACHE_DIR` overrides the search, e.g. for a scratch disk on a cluster.
    public static func folder(startingAt directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let override = environment["REPRO_CACHE_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        if let top = WorkTree.top(containing: directory) {
            return top.appendingPathComponent(".repro", isDirectory: true)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("repro", isDirectory: true)
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/repro", isDirectory: true)
    }

    public static func hashCache(startingAt directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        folder(startingAt: directory, environment: environment).appendingPathComponent("hashcache.sqlite")
    }
}

/// Finds the top of the enclosing work tree without libgit2, for code that only needs the folder.
public enum WorkTree {
    /// The nearest ancestor holding `.git` (a folder, or a file in linked worktrees) or `ledgers/`+`.repro`.
    public static func top(containing directory: URL) -> URL? {
        var current = directory.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) {
                return current
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }
}
