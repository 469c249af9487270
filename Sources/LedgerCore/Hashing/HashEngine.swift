import Dispatch
import Foundation
import Synchronization

/// The digest of one path given to the engine.
public struct HashedPath: Sendable {
    public enum Kind: String, Sendable, Codable { case file, folder }

    public var path: String
    public var kind: Kind
    public var digest: Digest
    /// Bytes of content: the file, or every file in the folder.
    public var size: Int64
    public var fileCount: Int
    /// Present for folders: the canonical listing whose digest is `digest`.
    public var manifest: FolderManifest?
    /// Files whose digest came from the cache rather than a read.
    public var cachedFileCount: Int
}

/// Hashes files and folders on every core with bounded memory, using a cache when given.
public struct HashEngine: Sendable {
    public var workerCount: Int
    public var cache: (any DigestCache)?
    public var progress: HashProgress?

    public init(workerCount: Int = ProcessInfo.processInfo.activeProcessorCount,
                cache: (any DigestCache)? = nil, progress: HashProgress? = nil) {
        self.workerCount = max(1, workerCount)
        self.cache = cache
        self.progress = progress
    }

    /// Where a cache failure was survived; hashing carries on without the cache.
    public struct Outcome: Sendable {
        public var results: [HashedPath]
        public var cacheWarnings: [String]
    }

    public func hash(_ paths: [String]) throws -> Outcome {
        let scanned = try paths.map { try TreeScanner.scan($0) }
        var files: [ScannedFile] = []
        for item in scanned {
            switch item {
            case .file(let file): files.append(file)
            case .folder(let contents): files.append(contentsOf: contents)
            }
        }

        // One read per distinct file, however many paths reach it through links.
        var firstIndex: [FileIdentity: Int] = [:]
        var unique: [ScannedFile] = []
        for file in files where firstIndex[file.identity] == nil {
            firstIndex[file.identity] = unique.count
            unique.append(file)
        }

        var warnings: [String] = []
        var known: [FileIdentity: Digest] = [:]
        if let cache {
            do { known = try cache.digests(for: unique.map(\.identity)) } catch { warnings.append("hash cache not used: \(error)") }
        }
        let toRead = unique.filter { known[$0.identity] == nil }
        progress?.expect(bytes: toRead.reduce(0) { $0 + $1.identity.size })

        let fresh = try hashInParallel(toRead)
        var byIdentity = known
        for (file, entry) in zip(toRead, fresh) {
            byIdentity[file.identity] = entry.digest
        }
        if let cache, !fresh.isEmpty {
            do { try cache.remember(fresh) } catch { warnings.append("hash cache not updated: \(error)") }
        }

        let results = zip(paths, scanned).map { path, item -> HashedPath in
            switch item {
            case .file(let file):
                return HashedPath(path: path, kind: .file, digest: byIdentity[file.identity]!,
                                  size: file.identity.size, fileCount: 1, manifest: nil,
                                  cachedFileCount: known[file.identity] == nil ? 0 : 1)
            case .folder(let contents):
                let manifest = FolderManifest(entries: contents.map {
                    FolderManifest.Entry(path: $0.relativePath, digest: byIdentity[$0.identity]!, size: $0.identity.size)
                })
                return HashedPath(path: path, kind: .folder, digest: manifest.digest, size: manifest.totalSize,
                                  fileCount: contents.count, manifest: manifest,
                                  cachedFileCount: contents.filter { known[$0.identity] != nil }.count)
            }
        }
        return Outcome(results: results, cacheWarnings: warnings)
    }

    /// Workers take the next file from a shared counter; each owns its buffers,
    /// so memory is `workerCount` double buffers whatever the input.
    private func hashInParallel(_ files: [ScannedFile]) throws -> [CachedDigest] {
        if files.isEmpty { return [] }
        let next = Atomic<Int>(0)
        let failed = Atomic<Bool>(false)
        let slots = Mutex<[CachedDigest?]>(Array(repeating: nil, count: files.count))
        let firstError = Mutex<(index: Int, error: any Error)?>(nil)
        let workers = min(workerCount, files.count)
        let progress = self.progress
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let digester = FileDigester()
            while !failed.load(ordering: .relaxed) {
                let index = next.add(1, ordering: .relaxed).oldValue
                if index >= files.count { return }
                let file = files[index]
                do {
                    let result = try digester.digest(path: file.fullPath, expected: file.identity, progress: progress)
                    let entry = CachedDigest(identity: result.identity, digest: result.digest,
                                             hashedAtNanoseconds: result.hashedAtNanoseconds, path: file.fullPath)
                    slots.withLock { $0[index] = entry }
                } catch {
                    firstError.withLock { current in
                        if current == nil || index < current!.index { current = (index, error) }
                    }
                    failed.store(true, ordering: .relaxed)
                }
            }
        }
        if let failure = firstError.withLock({ $0 }) { throw failure.error }
        let entries = slots.withLock { $0.map { $0! } }
        // A file that changed between the scan and the read has a new identity:
        // the scan's view is stale, so say so rather than mix two states.
        for (file, entry) in zip(files, entries) where file.identity.size != entry.identity.size {
            throw HashingError.changedWhileHashing(path: file.fullPath)
        }
        return entries
    }
}
