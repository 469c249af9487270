import Foundation
import LedgerCore
import Testing
import TestSupport

/// The folder digest must be recomputable with the README's coreutils one-liner.
@Suite struct FolderDigestTests {
    /// The exact one-liner the README documents.
    static let oneLiner = "find -L . -type f -printf '%P\\0' | LC_ALL=C sort -z | xargs -0 -r sha256sum -- | sha256sum"

    static func coreutilsDigest(of folder: String) throws -> String {
        let result = try Subprocess.shell(oneLiner, in: folder)
        #expect(result.status == 0, "one-liner failed: \(result.stderr)")
        return String(result.stdout.prefix(64))
    }

    @Test func awkwardNamesAgreeWithCoreutils() throws {
        let folder = try TemporaryFolder()
        let names = ["plain.txt", "with space.bin", "new\nline", "back\\slash", "carriage\rreturn",
                     "-leading-dash", "--double", "ünïcödé/名前.json", "sub/dir/deep file", ".hidden",
                     "UPPER", "lower", "a/b", "a-b", "a.b", "a b/c"]
        for (index, name) in names.enumerated() {
            try folder.write("tree/" + name, deterministicBytes(count: index * 97 + 1, seed: UInt64(index + 5)))
        }
        let result = try HashEngine().hash([folder.child("tree")]).results[0]
        #expect(result.kind == .folder)
        #expect(result.fileCount == names.count)
        #expect(result.digest.hex == (try Self.coreutilsDigest(of: folder.child("tree"))))
        // The stored manifest is itself the `sha256sum` listing.
        let listing = try Subprocess.shell(
            "find -L . -type f -printf '%P\\0' | LC_ALL=C sort -z | xargs -0 -r sha256sum --", in: folder.child("tree"))
        #expect(result.manifest?.text == listing.stdoutBytes)
    }

    @Test func manifestParsesBackWhatItWrites() throws {
        let entries = [
            FolderManifest.Entry(path: Array("a\nb".utf8), digest: Digest.of("1"), size: 1),
            FolderManifest.Entry(path: Array("c\\d".utf8), digest: Digest.of("2"), size: 1),
            FolderManifest.Entry(path: Array("plain".utf8), digest: Digest.of("3"), size: 1),
        ]
        let manifest = FolderManifest(entries: entries)
        let parsed = try FolderManifest.parse(manifest.text).get()
        #expect(parsed.map(\.path) == manifest.entries.map(\.path))
        #expect(parsed.map(\.digest) == manifest.entries.map(\.digest))
        #expect(throws: ManifestParseError(line: 1)) { try FolderManifest.parse(Array("nonsense\n".utf8)).get() }
    }

    @Test func emptyFolderIsTheDigestOfNothing() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.child("empty"), withIntermediateDirectories: true)
        let result = try HashEngine().hash([folder.child("empty")]).results[0]
        #expect(result.digest == Digest.of([UInt8]()))
        #expect(result.digest.hex == (try Self.coreutilsDigest(of: folder.child("empty"))))
    }

    /// Inside a Hugging Face cache repository, snapshot links may lead into its `blobs/`.
    @Test func symlinksAreFollowedLikeAHuggingFaceSnapshot() throws {
        let folder = try TemporaryFolder()
        try folder.write("models--org--name/blobs/aaa", "weights")
        try folder.write("models--org--name/blobs/bbb", "{\"dim\": 4}")
        let snapshot = folder.child("models--org--name/snapshots/rev1")
        try FileManager.default.createDirectory(atPath: snapshot, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: snapshot + "/model.bin", withDestinationPath: "../../blobs/aaa")
        try FileManager.default.createSymbolicLink(atPath: snapshot + "/config.json", withDestinationPath: "../../blobs/bbb")
        try FileManager.default.createSymbolicLink(atPath: snapshot + "/linked-dir", withDestinationPath: "../../blobs")
        let result = try HashEngine().hash([snapshot]).results[0]
        #expect(result.fileCount == 4)
        #expect(result.manifest?.entries.map(\.displayPath) == ["config.json", "linked-dir/aaa", "linked-dir/bbb", "model.bin"])
        #expect(result.digest.hex == (try Self.coreutilsDigest(of: snapshot)))
    }

    @Test func symlinkLoopIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("tree/file", "x")
        let loop = folder.child("tree/loop")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: ".")
        #expect(throws: HashingError.symlinkLoop(path: loop)) { try HashEngine().hash([folder.child("tree")]) }
        let selfLink = folder.child("self")
        try FileManager.default.createSymbolicLink(atPath: selfLink, withDestinationPath: "self")
        #expect(throws: HashingError.symlinkLoop(path: selfLink)) { try HashEngine().hash([selfLink]) }
    }

    @Test func danglingSymlinkIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("tree/file", "x")
        let dangling = folder.child("tree/gone")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "nowhere")
        #expect(throws: HashingError.danglingSymlink(path: dangling)) { try HashEngine().hash([folder.child("tree")]) }
    }

    @Test func fifoIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("tree/file", "x")
        let fifo = folder.child("tree/pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: HashingError.specialFile(path: fifo, kind: "FIFO (named pipe)")) {
            try HashEngine().hash([folder.child("tree")])
        }
        #expect(throws: HashingError.specialFile(path: fifo, kind: "FIFO (named pipe)")) { try HashEngine().hash([fifo]) }
    }

    @Test func deviceIsRefused() throws {
        #expect(throws: HashingError.specialFile(path: "/dev/null", kind: "character device")) {
            try HashEngine().hash(["/dev/null"])
        }
    }

    @Test func parallelAndSerialAgree() throws {
        let folder = try TemporaryFolder()
        for index in 0..<300 {
            try folder.write("many/\(index % 7)/f\(index)", deterministicBytes(count: index * 13, seed: UInt64(index + 1)))
        }
        let serial = try HashEngine(workerCount: 1).hash([folder.child("many")]).results[0]
        let parallel = try HashEngine(workerCount: 8).hash([folder.child("many")]).results[0]
        #expect(serial.digest == parallel.digest)
        #expect(serial.digest.hex == (try Self.coreutilsDigest(of: folder.child("many"))))
    }

    /// Past TreeScanner's threshold a folder is stat'ed on several threads and sibling
    /// folders are walked at once; the digest and the refusals must not change.
    @Test func wideFoldersAgreeWithCoreutilsAndStillRefuseWhatTheyMust() throws {
        let folder = try TemporaryFolder()
        for index in 0..<600 {
            let subfolder = index < 400 ? "" : "sub\(index % 3)/"
            try folder.write("wide/\(subfolder)f\(index)", deterministicBytes(count: index % 50, seed: UInt64(index + 1)))
        }
        let wide = folder.child("wide")
        let result = try HashEngine().hash([wide]).results[0]
        #expect(result.fileCount == 600)
        #expect(result.digest.hex == (try Self.coreutilsDigest(of: wide)))

        let fifo = folder.child("wide/sub1/pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: HashingError.specialFile(path: fifo, kind: "FIFO (named pipe)")) { try HashEngine().hash([wide]) }
        #expect(unlink(fifo) == 0)

        let loop = folder.child("wide/sub2/up")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "..")
        #expect(throws: HashingError.symlinkLoop(path: loop)) { try HashEngine().hash([wide]) }
        #expect(unlink(loop) == 0)

        let dangling = folder.child("wide/gone")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "nowhere")
        #expect(throws: HashingError.danglingSymlink(path: dangling)) { try HashEngine().hash([wide]) }
        #expect(unlink(dangling) == 0)
        #expect(try HashEngine().hash([wide]).results[0].digest == result.digest)
    }

    /// A name that is not UTF-8 would come out altered in a Swift path (U+FFFD) and could
    /// open another file; it is refused, named with its bytes escaped as `ls -b` does.
    @Test func nameThatIsNotUTF8IsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("tree/plain", "x")
        let raw: [UInt8] = Array(folder.child("tree/caf").utf8) + [0xE9, 0]   // "café" in Latin-1
        let fd = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        #expect(fd >= 0)
        close(fd)
        let expected = HashingError.nameNotUTF8(path: folder.child("tree") + #"/caf\351"#)
        #expect(throws: expected) { try HashEngine().hash([folder.child("tree")]) }
        #expect(expected.description == folder.child("tree") + #"/caf\351: the name is not valid UTF-8; rename it (e.g. with convmv) to hash this folder"#)
    }

    /// The engine compares the identity each file had when read with the one the scan saw:
    /// a file rewritten in between (same size) fails rather than mixing two states.
    @Test func fileRewrittenBetweenScanAndReadIsAnError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tree/a.bin", "aaaa")
        try folder.write("tree/b.bin", "bbbb")
        let rewrite = RewritingCache {
            usleep(20_000)
            let handle = FileHandle(forWritingAtPath: path)!
            try? handle.truncate(atOffset: 0)
            try? handle.write(contentsOf: Data("cccc".utf8))
            try? handle.close()
        }
        #expect(throws: HashingError.changedWhileHashing(path: path)) {
            try HashEngine(cache: rewrite).hash([folder.child("tree")])
        }
    }
}

/// Runs `action` between the scan and the reads: the engine asks the cache in between.
private final class RewritingCache: DigestCache, @unchecked Sendable {
    let action: () -> Void
    init(_ action: @escaping () -> Void) { self.action = action }
    func digests(for identities: [FileIdentity]) throws -> [FileIdentity: Digest] {
        action()
        return [:]
    }
    func remember(_ entries: [CachedDigest]) throws {}
}
