import Foundation
import Testing
import TestSupport

/// Concurrent writers and writers killed mid-write never lose or corrupt a record.
@Suite struct ReliabilityTests {
    @Test func sixteenConcurrentTagsAllLand() throws {
        let repo = try PaperRepository()
        try repo.repro("init")
        try repo.folder.write("d.csv", "x\n")
        try #require(try repo.repro("track", "d.csv", "--name", "d", "--kind", "dataset").status == 0)
        let results = Collector<Subprocess.Result?>()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            results.add(try? repo.repro("tag", "job-\(index)", "--uses", "d", "--section", "tab:\(index % 3)"))
        }
        #expect(results.all.count == 16)
        for result in results.all {
            #expect(result?.status == 0, "\(result?.stderr ?? "did not run")")
        }
        let listed = try repo.repro("list", "experiments", "--json")
        let experiments = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(experiments?.count == 16)
        let names = Set((experiments ?? []).compactMap { ($0["record"] as? [String: Any])?["name"] as? String })
        #expect(names == Set((0..<16).map { "job-\($0)" }))
        #expect(try repo.repro("fsck").stdout.hasSuffix("17 records checked; no problems\n"))
        // The index agrees with a rebuild from scratch.
        #expect(try repo.repro("reindex").stdout == "indexed 17 records\n")
        #expect(try repo.repro("list", "experiments", "--json").stdout == listed.stdout)
    }

    /// Kill `repro` at random moments while it writes; CI runs a short loop, the bench the full 200.
    @Test func killedWritersLeaveNothingHalfWritten() throws {
        let rounds = Int(ProcessInfo.processInfo.environment["REPRO_KILL_ROUNDS"] ?? "") ?? 40
        let repo = try PaperRepository()
        try repo.repro("init")
        try repo.folder.write("d.csv", "x\n")
        try #require(try repo.repro("track", "d.csv", "--name", "d", "--kind", "dataset").status == 0)
        var reported: [String] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<rounds {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ReproBinary.path)
            process.arguments = ["tag", "killed-\(round)", "--uses", "d", "--json"]
            process.currentDirectoryURL = repo.url
            process.environment = ProcessInfo.processInfo.environment.merging(["REPRO_USER": "ada", "REPRO_HOST": "lab-01"]) { _, new in new }
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...60_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationReason == .exit, process.terminationStatus == 0,
               let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let record = object["record"] as? String {
                reported.append(record)
            }
        }
        let fsck = try repo.repro("fsck", "--json")
        let report = try JSONSerialization.jsonObject(with: Data(fsck.stdout.utf8)) as? [String: Any]
        #expect(fsck.status == 0, "fsck found problems after kills: \(fsck.stdout)")
        #expect((report?["problems"] as? [Any])?.isEmpty == true)
        for record in reported {
            #expect(FileManager.default.fileExists(atPath: repo.folder.child(record)), "reported \(record) is missing")
        }
        // Whatever fsck removed were temporary files only; a second pass is clean and removes nothing.
        let again = try JSONSerialization.jsonObject(with: Data(try repo.repro("fsck", "--json").stdout.utf8)) as? [String: Any]
        #expect((again?["removedTemporaryFiles"] as? [Any])?.isEmpty == true)
    }
}
