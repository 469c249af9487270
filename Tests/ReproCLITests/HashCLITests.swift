import Foundation
import LedgerIndex
import Testing
import TestSupport

/// `repro hash` as a user runs it: output format, exit codes, and a shared cache.
@Suite struct HashCLITests {
    @Test func printsSha256sumStyleLines() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "abc")
        let result = try ReproBinary.run(["hash", "a.txt"], in: folder.path, environment: ["REPRO_CACHE_DIR": folder.child("cache")])
        #expect(result.status == 0)
        #expect(result.stdout == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt\n")
        #expect(result.stderr == "")
    }

    @Test func jsonIsOneDocument() throws {
        let folder = try TemporaryFolder()
        try folder.write("d/x", "abc")
        let result = try ReproBinary.run(["hash", "--json", "d"], in: folder.path, environment: ["REPRO_CACHE_DIR": folder.child("cache")])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [[String: Any]]]
        let item = try #require(object?["results"]?.first)
        #expect(item["kind"] as? String == "folder")
        #expect(item["files"] as? Int == 1)
        #expect(item["size"] as? Int == 3)
        // sha256 of the one-line manifest "ba78…ad  x\n"
        let manifest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  x\n"
        let expected = try Subprocess.run(["sha256sum"], stdin: Array(manifest.utf8)).stdout.prefix(64)
        #expect(item["digest"] as? String == "sha256:" + expected)
    }

    @Test func missingPathIsBadInput() throws {
        let folder = try TemporaryFolder()
        let result = try ReproBinary.run(["hash", "nope"], in: folder.path, environment: ["REPRO_CACHE_DIR": folder.child("cache")])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "repro: error: nope: no such file or folder\n")
    }

    /// Each round starts from no cache, so both processes race to create it.
    @Test func twoProcessesShareTheCache() throws {
        let folder = try TemporaryFolder()
        for index in 0..<200 { try folder.write("one/\(index)", "one \(index)") }
        for index in 0..<200 { try folder.write("two/\(index)", "two \(index)") }
        for round in 0..<5 {
            let environment = ["REPRO_CACHE_DIR": folder.child("cache\(round)")]
            let results = Collector<Subprocess.Result?>()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let name = index == 0 ? "one" : "two"
                results.add(try? ReproBinary.run(["hash", name], in: folder.path, environment: environment))
            }
            #expect(results.all.count == 2)
            for result in results.all {
                #expect(result?.status == 0)
                #expect(result?.stderr == "")
            }
            let cache = try HashCache(url: URL(fileURLWithPath: folder.child("cache\(round)/hashcache.sqlite")))
            #expect(try cache.entryCount() == 400)
        }
    }
}
