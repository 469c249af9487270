import Foundation
import LedgerCore
import LedgerIndex

/// `repro hash`: digests of files and folders, recording nothing in the ledger.
public struct HashCommand: Sendable {
    public var paths: [String]
    public var useCache: Bool
    /// Where the command runs: the hash cache is the one `CacheLocation` finds from here.
    public var directory: URL
    public var environment: [String: String]

    public init(paths: [String], useCache: Bool, directory: URL,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.paths = paths
        self.useCache = useCache
        self.directory = directory
        self.environment = environment
    }

    /// Runs the hash; cache trouble is a warning, never a failure. In a Hugging Face snapshot
    /// every file is also checked against its blob name; the first that differs is the error.
    public func run(progress: HashProgress?) throws -> HashEngine.Outcome {
        var warnings: [String] = []
        var cache: HashCache?
        if useCache {
            let opened = CacheLocation.openHashCache(startingAt: directory, environment: environment)
            cache = opened.cache
            if let warning = opened.warning { warnings.append(warning) }
        }
        var outcome = try HashEngine(cache: cache, progress: progress).hash(paths)
        outcome.cacheWarnings.insert(contentsOf: warnings, at: 0)
        for result in outcome.results where HuggingFaceSnapshot(path: result.path) != nil {
            let check = try result.manifest.map { try SnapshotBlobCheck(manifest: $0, folder: result.path) }
                ?? SnapshotBlobCheck(file: result.path, digest: result.digest)
            if let corrupt = check.mismatches.first { throw corrupt.error }
        }
        return outcome
    }

    /// `sha256:<hex>  PATH` per line, as `sha256sum` prints them; a folder's path ends in `/`,
    /// since a file holding the folder's listing has the same digest but is another artifact.
    public static func text(_ results: [HashedPath]) -> String {
        results.map { result in
            let shown = result.path + (result.kind == .folder && !result.path.hasSuffix("/") ? "/" : "")
            // As `sha256sum` does, a line whose name had to be escaped starts with a backslash.
            return TerminalText.needsEscaping(shown) ? "\\\(result.digest)  \(TerminalText.escaped(shown))\n" : "\(result.digest)  \(shown)\n"
        }.joined()
    }

    public static func json(_ results: [HashedPath]) throws -> String {
        struct Item: Encodable {
            var path: String
            var digest: Digest
            var kind: HashedPath.Kind
            var size: Int64
            var files: Int
        }
        let items = results.map { Item(path: $0.path, digest: $0.digest, kind: $0.kind, size: $0.size, files: $0.fileCount) }
        return try JSONOutput.encode(["results": items])
    }
}
