import Foundation
import LedgerCore
import SystemPackage
import Testing
import TestSupport

/// `repro hash` must equal `sha256sum` byte for byte, at every buffer boundary.
@Suite struct FileDigestTests {
    static let chunk = FileDigester.chunkSize
    static let sizes = [0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk + 17,
                        Int(FileDigester.pipelineThreshold) - 1, Int(FileDigester.pipelineThreshold),
                        9 * chunk + 12345]

    @Test(arguments: sizes)
    func agreesWithSha256sum(size: Int) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("data.bin", deterministicBytes(count: size, seed: UInt64(size) + 1))
        let ours = try HashEngine().hash([path]).results[0]
        let theirs = try Subprocess.run(["sha256sum", path]).stdout.prefix(64)
        #expect(ours.digest.hex == String(theirs))
        #expect(ours.size == Int64(size))
        #expect(ours.kind == .file)
    }

    @Test func multiChunkInputCrossingBuffersMatchesInMemoryDigest() throws {
        let folder = try TemporaryFolder()
        let bytes = deterministicBytes(count: 3 * Self.chunk + 7)
        let path = try folder.write("x", bytes)
        #expect(try FileDigester().digest(path: path).digest == Digest.of(bytes))
    }

    @Test func fileThatKeepsChangingIsAnError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("growing.bin", deterministicBytes(count: 64 << 20))
        let handle = try FileHandle(forWritingAtPath: path).unwrap()
        try handle.seekToEnd()
        let stop = StopFlag()
        let writer = Thread {
            while !stop.isSet {
                handle.write(Data(repeating: 7, count: 4096))
                usleep(500)
            }
        }
        writer.start()
        defer { stop.set() }
        #expect(throws: HashingError.changedWhileHashing(path: path)) {
            _ = try FileDigester().digest(path: path)
        }
    }

    /// What a scan saw stands in for the first `fstat`; when the file changed after the
    /// scan (same size, or grown past what the read stops at) it is read again, never
    /// answered from the first read.
    @Test(arguments: ["same", "grown-longer"])
    func fileChangedSinceTheScanIsReadAgain(change: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("x.bin", "aaaa")
        let scanned = try Self.identity(of: path)
        usleep(20_000)
        let now = change == "same" ? "bbbb" : "bbbbbbbb"
        let handle = try FileHandle(forWritingAtPath: path).unwrap()
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(now.utf8))
        try handle.close()
        #expect(try Self.identity(of: path).inode == scanned.inode, "rewritten in place")
        let result = try FileDigester().digest(path: path, expected: scanned)
        #expect(result.digest == Digest.of(now))
        #expect(result.identity == (try Self.identity(of: path)))
        #expect(result.identity != scanned)
    }

    static func identity(of path: String) throws -> FileIdentity {
        var st = stat()
        guard stat(path, &st) == 0 else { throw HashingError.notFound(path: path) }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                            modifiedNanoseconds: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
                            changedNanoseconds: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
    }

    @Test func missingPathNamesIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.child("absent")
        #expect(throws: HashingError.notFound(path: path)) { try HashEngine().hash([path]) }
    }

    @Test func unreadableFileNamesIt() throws {
        let folder = try TemporaryFolder()
        let path: String
        if geteuid() == 0 {
            // root reads through permissions; /proc/self/mem opens but every read at 0 fails.
            path = "/proc/self/mem"
            let error = FileSystemError.system(operation: "read", path: path, errno: .ioError)
            #expect(throws: error) { _ = try FileDigester().digest(path: path) }
            #expect(error.description == "/proc/self/mem: read failed: Input/output error")
        } else {
            path = try folder.write("secret", "x")
            chmod(path, 0)
            #expect(throws: FileSystemError.system(operation: "open", path: path, errno: .permissionDenied)) {
                try HashEngine().hash([path])
            }
        }
        _ = folder
    }
}

final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

extension Optional {
    struct Missing: Error {}
    func unwrap() throws -> Wrapped {
        guard let value = self else { throw Missing() }
        return value
    }
}
