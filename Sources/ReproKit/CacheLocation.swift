import Foundation
import LedgerCore
import LedgerIndex

/// Where the derived SQLite files live: `.repro/` at the top of the git work tree
/// (ignored by git), or the user's cache folder outside a repository.
public enum CacheLocation {
    /// `REPRO_CACHE_DIR` overrides the search, e.g. for a scratch disk on a cluster. The
    /// repository's `.repro/` came with the clone, so it must be a real folder of plain files.
    public static func folder(startingAt directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        if let override = environment["REPRO_CACHE_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        if let top = WorkTree.top(containing: directory) {
            let folder = top.appendingPathComponent(".repro", isDirectory: true)
            try requirePlainFolder(folder.path)
            return folder
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("repro", isDirectory: true)
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/repro", isDirectory: true)
    }

    public static func hashCache(startingAt directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        try folder(startingAt: directory, environment: environment).appendingPathComponent("hashcache.sqlite")
    }

    /// The hash cache found from `directory`, or nil and the warning to print: hashing works without it.
    static func openHashCache(startingAt directory: URL, environment: [String: String]) -> (cache: HashCache?, warning: String?) {
        let url: URL
        do { url = try hashCache(startingAt: directory, environment: environment) } catch {
            return (nil, "hash cache not used: \(error)")
        }
        do { return (try HashCache(url: url), nil) } catch {
            return (nil, "hash cache at \(url.path) not used: \(error)")
        }
    }

    /// Absent (made later as a folder), or a folder of plain files: repro makes no subfolder
    /// there, and one named like its files (`index.sqlite-wal/`) only made SQLite fail obscurely.
    static func requirePlainFolder(_ path: String) throws {
        guard let status = try OpenFolder.status(path, followingLinks: false) else { return }
        let kind = EntryKind(status.type)
        guard kind == .folder else { throw CacheFolderError.notAFolder(path: path, kind: kind) }
        for entry in try OpenFolder.at(path, followingLinks: false).entries() where entry.kind != .regular {
            throw CacheFolderError.unsafeEntry(path: path + "/" + entry.name, kind: entry.kind)
        }
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
