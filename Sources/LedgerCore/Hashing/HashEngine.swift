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

        // One read per distinct file, however many paths reach it through links. Slots
        // are positions in `unique`: bookkeeping by position, not by hashing identities,
        // is what keeps a warm run over 20,000 files short.
        var slotOf: [Int] = []
        slotOf.reserveCapacity(files.count)
        var slotByFile: [FileKey: Int] = [:]
        slotByFile.reserveCapacity(files.count)
        var unique: [ScannedFile] = []
        for file in files {
            let key = file.identity.key
            if let slot = slotByFile[key] {
                // The same file stat'ed twice with different results: it changed mid-scan.
                guard unique[slot].identity == file.identity else { throw HashingError.changedWhileHashing(path: file.fullPath) }
                slotOf.append(slot)
            } else {
                slotByFile[key] = unique.count
                slotOf.append(unique.count)
                unique.append(file)
            }
        }

        var warnings: [String] = []
        var digests = [Digest?](repeating: nil, count: unique.count)
        if let cache {
            do {
                let known = try cache.digests(for: unique.map(\.identity))
                if !known.isEmpty {
                    for (slot, file) in unique.enumerated() { digests[slot] = known[file.identity] }
                }
            } catch { warnings.append("hash cache not used: \(error)") }
        }
        let fromCache = digests.map { $0 != nil }
        let toRead = unique.indices.filter { digests[$0] == nil }
        progress?.expect(bytes: toRead.reduce(0) { $0 + unique[$1].identity.size })

        let fresh = try hashInParallel(toRead.map { unique[$0] })
        for (slot, entry) in zip(toRead, fresh) { digests[slot] = entry.digest }
        if let cache, !fresh.isEmpty {
            do { try cache.remember(fresh) } catch { warnings.append("hash cache not updated: \(error)") }
        }

        var offset = 0
        let results = zip(paths, scanned).map { path, item -> HashedPath in
            switch item {
            case .file(let file):
                let slot = slotOf[offset]
                offset += 1
                return HashedPath(path: path, kind: .file, digest: digests[slot]!, size: file.identity.size,
                                  fileCount: 1, manifest: nil, cachedFileCount: fromCache[slot] ? 1 : 0)
            case .folder(let contents):
                let slots = slotOf[offset..<offset + contents.count]
                offset += contents.count
                let manifest = FolderManifest(entries: zip(contents, slots).map { file, slot in
                    FolderManifest.Entry(path: file.relativePath, digest: digests[slot]!, size: file.identity.size)
                })
                return HashedPath(path: path, kind: .folder, digest: manifest.digest, size: manifest.totalSize,
                                  fileCount: contents.count, manifest: manifest,
                                  cachedFileCount: slots.filter { fromCache[$0] }.count)
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
                    let result = try digester.digest(path: file.readPath, shown: file.fullPath, expected: file.identity,
                                                     progress: progress)
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
        // A file that changed between the scan and the read (or a different file now at
        // its path) has a new identity: the scan's view is stale, so say so rather than
        // mix two states in one manifest.
        for (file, entry) in zip(files, entries) where file.identity != entry.identity {
            throw HashingError.changedWhileHashing(path: file.fullPath)
        }
        return entries
    }
}
