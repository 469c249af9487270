import Foundation
import LedgerCore
import Testing
import TestSupport

/// A link inside a hashed folder is followed only where it stays inside (or, for a Hugging
/// Face snapshot, leads into its repository's `blobs/`); any other is refused by name.
@Suite struct LinkConfinementTests {
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    @Test func linkLeavingTheFolderIsRefusedNamingItAndItsTarget() throws {
        let folder = try TemporaryFolder()
        try folder.write("tree/a.txt", "a")
        try folder.write("outside/secret", "do not read")
        try Self.link(folder.child("tree/leak"), to: "../outside/secret")
        let expected = HashingError.linkOutside(path: folder.child("tree/leak"), target: "../outside/secret",
                                                reached: Self.canonical(folder.path) + "/outside/secret")
        #expect(throws: expected) { try HashEngine().hash([folder.child("tree")]) }
        #expect(expected.description == "\(folder.child("tree/leak")): symbolic link to ../outside/secret leads outside the folder "
            + "being hashed (to \(Self.canonical(folder.path))/outside/secret); refusing to follow it (a link inside a folder "
            + "may lead only within it, or for a Hugging Face snapshot into its blobs/)")
        // An absolute link and a link to a folder outside are refused alike.
        try FileManager.default.removeItem(atPath: folder.child("tree/leak"))
        try Self.link(folder.child("tree/abs"), to: "/etc")
        #expect(throws: HashingError.linkOutside(path: folder.child("tree/abs"), target: "/etc", reached: "/etc")) {
            try HashEngine().hash([folder.child("tree")])
        }
    }

    @Test func linkToASiblingInsideIsFollowedAsFindDoes() throws {
        let folder = try TemporaryFolder()
        try folder.write("tree/a.txt", "alpha")
        try folder.write("tree/sub/b.txt", "beta")
        try Self.link(folder.child("tree/alias"), to: "a.txt")
        try Self.link(folder.child("tree/sub/up-alias"), to: "../a.txt")
        try Self.link(folder.child("tree/subdir-alias"), to: "./sub")
        let result = try HashEngine().hash([folder.child("tree")]).results[0]
        #expect(result.manifest?.entries.map(\.displayPath)
            == ["a.txt", "alias", "sub/b.txt", "sub/up-alias", "subdir-alias/b.txt", "subdir-alias/up-alias"])
        #expect(result.manifest?.entries.map(\.digest) == [Digest.of("alpha"), Digest.of("alpha"), Digest.of("beta"),
                                                           Digest.of("alpha"), Digest.of("beta"), Digest.of("alpha")])
        #expect(result.digest.hex == (try FolderDigestTests.coreutilsDigest(of: folder.child("tree"))))
    }

    @Test func huggingFaceSnapshotLinksIntoItsBlobsAreFollowed() throws {
        let folder = try TemporaryFolder()
        let snapshot = try HubCacheSnapshot(in: folder, repo: "org/name", commit: String(repeating: "a", count: 40), files: [
            (path: "config.json", bytes: Array("{}".utf8), lfs: false),
            (path: "weights/model.bin", bytes: Array("weights".utf8), lfs: true),
        ])
        let result = try HashEngine().hash([snapshot.path]).results[0]
        #expect(result.manifest?.entries.map(\.displayPath) == ["config.json", "weights/model.bin"])
        #expect(result.manifest?.entries.map(\.digest) == [Digest.of("{}"), Digest.of("weights")])
        #expect(result.digest.hex == (try FolderDigestTests.coreutilsDigest(of: snapshot.path)))

        // Into another repository's blobs it is outside.
        let other = folder.child("hub/models--org--other/blobs/" + String(repeating: "b", count: 40))
        try folder.write("hub/models--org--other/blobs/" + String(repeating: "b", count: 40), "other")
        try Self.link(snapshot.path + "/stolen", to: "../../../models--org--other/blobs/" + String(repeating: "b", count: 40))
        #expect(throws: HashingError.linkOutside(path: snapshot.path + "/stolen",
                                                 target: "../../../models--org--other/blobs/" + String(repeating: "b", count: 40),
                                                 reached: Self.canonical(other))) {
            try HashEngine().hash([snapshot.path])
        }
    }

    /// A snapshot-shaped folder whose `blobs` is itself a link elsewhere: its files' links
    /// into `../../blobs/` lead outside, and are refused unread.
    @Test func blobsThatIsALinkIsNotTheRepositorysBlobs() throws {
        let folder = try TemporaryFolder()
        try folder.write("outside/secret", "do not read")
        try FileManager.default.createDirectory(atPath: folder.child("hub/models--ev--il/snapshots/r1"), withIntermediateDirectories: true)
        try Self.link(folder.child("hub/models--ev--il/blobs"), to: folder.child("outside"))
        try Self.link(folder.child("hub/models--ev--il/snapshots/r1/w"), to: "../../blobs/secret")
        let snapshot = folder.child("hub/models--ev--il/snapshots/r1")
        #expect(throws: HashingError.linkOutside(path: snapshot + "/w", target: "../../blobs/secret",
                                                 reached: Self.canonical(folder.path) + "/outside/secret")) {
            try HashEngine().hash([snapshot])
        }
    }

    @Test func chainThatStepsOutThroughAnIntermediateLinkIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("tree/a.txt", "a")
        try folder.write("outside/secret", "do not read")
        // tree/first -> second (inside) -> ../outside/secret: the second hop leaves.
        try Self.link(folder.child("tree/first"), to: "second")
        try Self.link(folder.child("tree/second"), to: "../outside/secret")
        let outside = Self.canonical(folder.path) + "/outside"
        #expect(throws: HashingError.linkOutside(path: folder.child("tree/first"), target: "second", reached: outside + "/secret")) {
            try HashEngine().hash([folder.child("tree")])
        }
        // Out and back in: the hop outside is refused although the chain ends inside.
        try FileManager.default.removeItem(atPath: folder.child("tree/first"))
        try FileManager.default.removeItem(atPath: folder.child("tree/second"))
        try Self.link(folder.child("outside/back"), to: "../tree/a.txt")
        try Self.link(folder.child("tree/round-trip"), to: "../outside/back")
        #expect(throws: HashingError.linkOutside(path: folder.child("tree/round-trip"), target: "../outside/back",
                                                 reached: outside + "/back")) {
            try HashEngine().hash([folder.child("tree")])
        }
    }

    /// A link to a FIFO is refused from its `stat`, before any open: nothing can block.
    @Test func linkToAFIFOIsRefusedWithoutHanging() throws {
        let folder = try TemporaryFolder()
        let snapshot = try HubCacheSnapshot(in: folder, repo: "org/name", commit: String(repeating: "c", count: 40), files: [
            (path: "config.json", bytes: Array("{}".utf8), lfs: false),
        ])
        let fifo = snapshot.blobs + "/" + String(repeating: "d", count: 64)
        #expect(mkfifo(fifo, 0o600) == 0)
        try Self.link(snapshot.path + "/pipe.bin", to: "../../blobs/" + String(repeating: "d", count: 64))
        #expect(throws: HashingError.specialFile(path: snapshot.path + "/pipe.bin", kind: "FIFO (named pipe)")) {
            try HashEngine().hash([snapshot.path])
        }
        // The link given by the user is theirs and followed, to the same refusal.
        #expect(throws: HashingError.specialFile(path: snapshot.path + "/pipe.bin", kind: "FIFO (named pipe)")) {
            try HashEngine().hash([snapshot.path + "/pipe.bin"])
        }
    }

    /// The path the user names may be a link anywhere: it is theirs.
    @Test func aLinkTheUserNamesIsFollowedWhereverItLeads() throws {
        let folder = try TemporaryFolder()
        try folder.write("elsewhere/data/x", "x")
        try Self.link(folder.child("here"), to: "elsewhere/data")
        let result = try HashEngine().hash([folder.child("here")]).results[0]
        #expect(result.path == folder.child("here"))
        #expect(result.manifest?.entries.map(\.displayPath) == ["x"])
        #expect(result.digest == (try HashEngine().hash([folder.child("elsewhere/data")]).results[0].digest))
    }

    @Test func confinementIsByPathComponentNotPrefix() {
        let confinement = LinkConfinement(allowing: ["/data/tree"])
        #expect(confinement.contains("/data/tree"))
        #expect(confinement.contains("/data/tree/a"))
        #expect(!confinement.contains("/data/tree2/a"))
        #expect(!confinement.contains("/data"))
        #expect(LinkConfinement.anywhere.contains("/etc/passwd"))
    }
}
