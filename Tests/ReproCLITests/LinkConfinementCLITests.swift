import Foundation
import Testing
import TestSupport

/// A link inside a folder given to `hash`, `track` or `verify` that leads outside it is a
/// defect named with its target (exit 2; a PROBLEM line and exit 1 in `verify`), never opened.
@Suite struct LinkConfinementCLITests {
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func message(_ link: String, _ target: String, _ reached: String) -> String {
        "\(link): symbolic link to \(target) leads outside the folder being hashed (to \(reached)); refusing to follow it "
            + "(a link inside a folder may lead only within it, or for a Hugging Face snapshot into its blobs/)"
    }

    /// Traced: the secret outside is never opened, only its name resolved.
    @Test func hashRefusesALinkLeavingTheFolderAndOpensNothingOutside() throws {
        let folder = try TemporaryFolder()
        try folder.write("tree/a.txt", "a")
        try folder.write("tree/sub/b.txt", "b")
        try folder.write("outside/secret", "do not read")
        try FileManager.default.createSymbolicLink(atPath: folder.child("tree/sub/leak"), withDestinationPath: "../../outside/secret")
        let trace = try TemporaryFolder("trace")
        let result = try Subprocess.run(["strace", "-f", "-e", "trace=open,openat,openat2,creat,truncate,execve", "-o", trace.child("log"),
                                         ReproBinary.path, "hash", "--no-cache", "tree"],
                                        in: folder.path, environment: ["REPRO_CACHE_DIR": folder.child("cache")])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        let reached = Self.canonical(folder.path) + "/outside/secret"
        #expect(result.stderr == "repro: error: \(Self.message("tree/sub/leak", "../../outside/secret", reached))\n")
        let log = try String(contentsOfFile: trace.child("log"), encoding: .utf8)
        #expect(log.contains("\"tree\""), "the trace must see the opens it is meant to police")
        #expect(!log.contains("secret"), "opened: \(log.split(separator: "\n").filter { $0.contains("secret") })")
    }

    @Test func hashFollowsALinkToASiblingInside() throws {
        let folder = try TemporaryFolder()
        try folder.write("tree/a.txt", "abc")
        try FileManager.default.createSymbolicLink(atPath: folder.child("tree/alias"), withDestinationPath: "a.txt")
        let result = try ReproBinary.run(["hash", "--json", "tree"], in: folder.path, environment: ["REPRO_CACHE_DIR": folder.child("cache")])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt\n"
            + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  alias\n"
        let expected = try Subprocess.run(["sha256sum"], stdin: Array(manifest.utf8)).stdout.prefix(64)
        #expect(result.stdout.contains("\"digest\" : \"sha256:\(expected)\"") || result.stdout.contains("\"digest\":\"sha256:\(expected)\""),
                "\(result.stdout)")
    }

    @Test func trackRefusesAndRecordsNothing() throws {
        let repo = try PaperRepository()
        try #require(try repo.repro("init").status == 0)
        try repo.folder.write("data/train.csv", "x,y\n")
        let outside = try TemporaryFolder("outside")
        let secret = try outside.write("secret", "do not read")
        try FileManager.default.createSymbolicLink(atPath: repo.folder.child("data/leak"), withDestinationPath: secret)
        let before = try repo.ledgerSnapshot()
        let result = try repo.repro("track", "data", "--name", "train", "--kind", "dataset")
        #expect(result.status == 2)
        // track hashes the absolute path, so the message names the link by it.
        #expect(result.stderr == "repro: error: \(Self.message(repo.folder.child("data/leak"), secret, Self.canonical(secret)))\n")
        #expect(try repo.ledgerSnapshot() == before)
    }

    /// `verify` reports the link as a problem with that artifact and checks the others.
    @Test func verifyReportsTheLinkAndGoesOn() throws {
        let repo = try PaperRepository()
        try #require(try repo.repro("init").status == 0)
        try repo.folder.write("data/train.csv", "x,y\n")
        try repo.folder.write("b.bin", "b")
        try #require(try repo.repro("track", "data", "--name", "train", "--kind", "dataset").status == 0)
        try #require(try repo.repro("track", "b.bin", "--name", "b", "--kind", "other").status == 0)
        let outside = try TemporaryFolder("outside")
        try outside.write("secret", "do not read")
        try FileManager.default.createSymbolicLink(atPath: repo.folder.child("data/leak"), withDestinationPath: outside.child("secret"))
        let hub = try TemporaryFolder("empty-hub")
        let result = try repo.repro("verify", "--no-cache", environment: ["HF_HUB_CACHE": hub.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "1 artifact could not be checked")
        #expect(lines.dropLast().sorted() == [
            "PROBLEM   train  \(Self.message(repo.folder.child("data/leak"), outside.child("secret"), Self.canonical(outside.child("secret")))) (not checked)",
            "ok        b  b.bin",
        ])
    }
}
