import Foundation
import LedgerCore
import LedgerIndex

/// A paper repository as `repro` sees it: the work tree top, its `ledgers/`, and
/// the derived SQLite files in `.repro/`.
public final class Workspace: @unchecked Sendable {
    public let top: URL
    public let store: LedgerStore
    public let environment: [String: String]
    /// Things the user should hear about that did not stop the command (skipped records, cache trouble).
    public private(set) var warnings: [String] = []

    private var openedIndex: RecordIndex?
    private var openedHashCache: HashCache??

    public init(top: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.top = top.standardizedFileURL
        self.store = LedgerStore(top: top)
        self.environment = environment
    }

    /// The workspace enclosing `directory`: the nearest git work tree top.
    public static func locate(from directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Workspace {
        guard let top = WorkTree.top(containing: directory) else { throw WorkspaceError.notAGitWorkTree(directory.path) }
        _ = try Timestamps.sourceDateEpoch(environment)  // a malformed one is an error, not silently the clock
        return Workspace(top: top, environment: environment)
    }

    /// Like `locate`, but also requires `repro init` to have run.
    public static func open(from directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Workspace {
        let workspace = try locate(from: directory, environment: environment)
        guard workspace.store.isInitialized else { throw LedgerError.notInitialized(top: workspace.top.path) }
        return workspace
    }

    public var cacheFolder: URL {
        get throws { try CacheLocation.folder(startingAt: top, environment: environment) }
    }

    /// The record index, brought up to date on first use in this process.
    public func index() throws -> RecordIndex {
        if let openedIndex { return openedIndex }
        let index = try RecordIndex(url: try cacheFolder.appendingPathComponent("index.sqlite"), store: store)
        for entry in try index.refresh().unsafe {
            warn("skipped \(TerminalText.escaped(entry.path)): \(entry.problem) (run `repro fsck`)")
        }
        for skipped in try index.skippedRecords() {
            warn("skipped record \(TerminalText.escaped(skipped.path)): \(skipped.reason) (run `repro fsck`)")
        }
        openedIndex = index
        return index
    }

    /// The hash cache, opened once per process, or nil with a warning when it cannot be
    /// opened: hashing still works without it.
    public func hashCache() -> HashCache? {
        if let openedHashCache { return openedHashCache }
        let (cache, warning) = CacheLocation.openHashCache(startingAt: top, environment: environment)
        if let warning { warn(warning) }
        openedHashCache = .some(cache)
        return cache
    }

    /// When set, warnings go here as they happen instead of into `warnings`: `repro run` says
    /// that an input changed before the command starts, not hours later.
    public var warningHandler: (@Sendable (String) -> Void)?

    public func warn(_ message: String) {
        if let warningHandler { warningHandler(message) } else { warnings.append(message) }
    }

    /// Who is recording, for the audit trail. `REPRO_USER` and `REPRO_HOST` override the
    /// login and host name (for privacy, or for byte-identical example ledgers).
    public var agent: Agent {
        let user = environment["REPRO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        return Agent(user: user, host: environment["REPRO_HOST"] ?? ProcessInfo.processInfo.hostName)
    }

    public func now() -> String { Timestamps.now(environment: environment) }

    /// `path` relative to the work tree when inside it, else absolute.
    public func displayPath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = top.path.hasSuffix("/") ? top.path : top.path + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// Resolves a path the user typed relative to the directory they typed it in.
    public func absolutePath(_ path: String, from directory: URL) -> String {
        path.hasPrefix("/") ? path : directory.appendingPathComponent(path).standardizedFileURL.path
    }
}

/// Problems with where `repro` was run.
public enum WorkspaceError: Error, Equatable, CustomStringConvertible, CategorizedError {
    case notAGitWorkTree(String)

    public var category: ErrorCategory { .environment }

    public var description: String {
        switch self {
        case .notAGitWorkTree(let path):
            return "\(path) is not inside a git work tree; run `git init` (ledgers live in the paper's repository)"
        }
    }
}
