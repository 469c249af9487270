import Foundation
import LedgerCore
import LedgerIndex
import Testing
import TestSupport

@Suite struct HashCacheTests {
    /// A short racy window keeps the tests quick; the rule is the same as with the default.
    static let window: Int64 = 50_000_000

    func settle() { usleep(UInt32(Self.window / 1000) * 2) }

    @Test func secondRunIsAnsweredFromTheCache() throws {
        let folder = try TemporaryFolder()
        for index in 0..<20 { try folder.write("data/f\(index)", deterministicBytes(count: 1000 + index)) }
        settle()
        let cache = try HashCache(url: folder.url.appendingPathComponent("cache/h.sqlite"), racyWindowNanoseconds: Self.window)
        let engine = HashEngine(cache: cache)
        let cold = try engine.hash([folder.child("data")]).results[0]
        let warm = try engine.hash([folder.child("data")]).results[0]
        #expect(cold.cachedFileCount == 0)
        #expect(warm.cachedFileCount == 20)
        #expect(warm.digest == cold.digest)
        #expect(try cache.entryCount() == 20)
    }

    @Test func sameSizeChangeInTheSameSecondIsAMiss() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("f", "aaaa")
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 100), timespec(tv_sec: 1_700_000_000, tv_nsec: 100)]
        utimensat(AT_FDCWD, path, &times, 0)
        settle()
        let cache = try HashCache(url: folder.url.appendingPathComponent("h.sqlite"), racyWindowNanoseconds: Self.window)
        let engine = HashEngine(cache: cache)
        #expect(try engine.hash([path]).results[0].digest == Digest.of("aaaa"))

        // Same size, same mtime second, different nanoseconds.
        try folder.write("f", "bbbb")
        times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 900), timespec(tv_sec: 1_700_000_000, tv_nsec: 900)]
        utimensat(AT_FDCWD, path, &times, 0)
        settle()
        let second = try engine.hash([path]).results[0]
        #expect(second.digest == Digest.of("bbbb"))
        #expect(second.cachedFileCount == 0)

        // Same size and the exact old mtime restored: only ctime tells.
        try folder.write("f", "cccc")
        utimensat(AT_FDCWD, path, &times, 0)
        settle()
        let third = try engine.hash([path]).results[0]
        #expect(third.digest == Digest.of("cccc"))
        #expect(third.cachedFileCount == 0)
    }

    @Test func racyEntryIsNotTrusted() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("f", "real content")
        let cache = try HashCache(url: folder.url.appendingPathComponent("h.sqlite"), racyWindowNanoseconds: Self.window)
        let scanned = try #require(Self.identity(of: path))
        // Recorded as hashed at the very moment of the last change: a write in the same tick
        // could hide behind identical stat data, so the entry must not be used.
        let bogus = Digest.of("not the content")
        try cache.remember([CachedDigest(identity: scanned, digest: bogus,
                                         hashedAtNanoseconds: scanned.lastChangeNanoseconds, path: path)])
        #expect(try cache.digests(for: [scanned]).isEmpty)
        #expect(cache.isRacy(identity: scanned, hashedAtNanoseconds: scanned.lastChangeNanoseconds + Self.window))
        #expect(!cache.isRacy(identity: scanned, hashedAtNanoseconds: scanned.lastChangeNanoseconds + Self.window + 1))
        // Once the window has passed, the same entry would be trusted: proof the rule, not chance, rejected it.
        try cache.remember([CachedDigest(identity: scanned, digest: bogus,
                                         hashedAtNanoseconds: scanned.lastChangeNanoseconds + Self.window + 1, path: path)])
        #expect(try cache.digests(for: [scanned]) == [scanned: bogus])
    }

    @Test func deletingTheDatabaseLosesNothing() throws {
        let folder = try TemporaryFolder()
        for index in 0..<5 { try folder.write("d/\(index)", "file \(index)") }
        let url = folder.url.appendingPathComponent("c/h.sqlite")
        let first = try HashEngine(cache: HashCache(url: url)).hash([folder.child("d")]).results[0]
        try FileManager.default.removeItem(at: url.deletingLastPathComponent())
        let again = try HashEngine(cache: HashCache(url: url)).hash([folder.child("d")]).results[0]
        #expect(first.digest == again.digest)
    }

    /// Each round opens a new file, so every round races to create it, switch it to
    /// WAL and migrate it: the moment SQLite answers "database is locked" at once.
    @Test func manyThreadsShareOneFileSafely() throws {
        let folder = try TemporaryFolder()
        for index in 0..<8 { try folder.write("d\(index)/x", "content \(index)") }
        for round in 0..<10 {
            let url = folder.url.appendingPathComponent("h\(round).sqlite")
            let failures = Collector<String>()
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                do {
                    let cache = try HashCache(url: url, racyWindowNanoseconds: 0)
                    _ = try HashEngine(workerCount: 1, cache: cache).hash([folder.child("d\(index)")])
                } catch { failures.add("\(error)") }
            }
            #expect(failures.all.isEmpty, "round \(round)")
            #expect(try HashCache(url: url).entryCount() == 8)
        }
    }

    static func identity(of path: String) -> FileIdentity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                            modifiedNanoseconds: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
                            changedNanoseconds: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
    }
}
