import Foundation
import LedgerCore
import Testing

/// Every read of an experiment from the index tries this reader first; it must give exactly what
/// `JSONDecoder` gives, and give up (nil) on everything it does not read itself.
@Suite struct ExperimentJSONReaderTests {
    static let digest = "sha256:" + String(repeating: "ab", count: 32)
    static let other = "sha256:" + String(repeating: "0c", count: 32)

    func read(_ json: String) -> ExperimentRecord? {
        Array(json.utf8).withUnsafeBytes { ExperimentJSONReader.record($0) }
    }

    func decoded(_ json: String) throws -> ExperimentRecord {
        try JSONDecoder().decode(ExperimentRecord.self, from: Data(json.utf8))
    }

    /// A record with every field the reader reads; `extra` is spliced in before `name`.
    func record(extra: String = "", name: String = "\"run-1\"", exitStatus: String = "0", note: String = "null",
                verification: String = "verified") -> String {
        """
        {
          "code" : { "branch" : "main", "commit" : "c0ffee", "detached" : false, "diffDigest" : "\(Self.other)",
                     "dirty" : true, "repository" : true },
          "command" : [ "python", "train.py", "--lr", "1e-3" ],
          "endedAt" : "2025-01-01T00:00:09Z",
          "exitStatus" : \(exitStatus),
          "inputs" : [ { "digest" : "\(Self.digest)", "name" : "base", "role" : "base-model", "layout" : "folder",
                         "verification" : "\(verification)" },
                       { "digest" : "\(Self.other)", "name" : "data", "digestAfterRun" : "\(Self.digest)" } ],
          "interruptedBy" : "SIGTERM",
          "ledger" : "main",\(extra)
          "name" : \(name),
          "note" : \(note),
          "observedInputs" : [ { "digest" : "\(Self.other)", "name" : "data" } ],
          "outcome" : "interrupted",
          "outputs" : [ ],
          "recordedBy" : { "host" : "h\\u00f6st", "user" : "me" },
          "schema" : "repro.experiment/1",
          "section" : "tab:1",
          "startedAt" : "2025-01-01T00:00:00Z",
          "unopenedInputs" : null
        }
        """
    }

    /// A `compute` member (with its trailing comma) whose wall time and GPU list are spelled as given.
    static func compute(wall: String, gpus: String) -> String {
        #" "compute" : { "wallMilliseconds" : \#(wall), "userCPUMilliseconds" : 0, "systemCPUMilliseconds" : -1, "#
            + #""peakRSSBytes" : null, "machine" : { "host" : "gpu-7", "cpuModel" : "EPYC \"Genoa\"", "cpuCount" : 64, "#
            + #""memoryTotalBytes" : 549755813888, "gpus" : \#(gpus) } },"#
    }

    @Test func readsWhatJSONDecoderReads() throws {
        let samples = [
            record(),
            record(name: #""r\"un \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 é 😀""#, exitStatus: "-2147483648", note: #""""#),
            record(exitStatus: "2147483647", note: #""naïve \u0000 end""#),
            record(extra: #" "compute" : null,"#),
            record(extra: Self.compute(wall: "-9223372036854775808", gpus: #"[ { "name" : "A100", "memoryMiB" : 81920, "driver" : "535" }, { "driver" : "d", "name" : "g", "memoryMiB" : null } ]"#)),
            record(extra: Self.compute(wall: "9223372036854775807", gpus: "[]")),
            record(verification: InputVerification.allCases.last!.rawValue),
            #"{"schema":"s","name":"n","ledger":"l","inputs":[],"outputs":[],"outcome":"recorded","startedAt":"t","#
                + #""code":{"repository":false,"detached":false,"dirty":false},"recordedBy":{"user":"u","host":"h"}}"#,
        ]
        for sample in samples {
            let fast = try #require(read(sample), "\(sample)")
            #expect(fast == (try decoded(sample)))
        }
    }

    @Test func leavesToJSONDecoderWhatItDoesNotRead() throws {
        let unread = [
            record(extra: #" "compute" : { "wallSeconds" : 1 },"#),
            record(extra: Self.compute(wall: "9223372036854775808", gpus: "[]")),
            record(extra: Self.compute(wall: "1.5", gpus: "[]")),
            record(extra: Self.compute(wall: "1", gpus: #"[ { "name" : "g" } ]"#)),
            record(extra: Self.compute(wall: "1", gpus: #"[ { "name" : "g", "driver" : "d", "vendor" : "x" } ]"#)),
            record(extra: #" "future" : 1,"#),
            record(extra: #" "ledger" : "again","#),
            record(exitStatus: "1.0"),
            record(exitStatus: "1e2"),
            record(exitStatus: "2147483648"),
            record(exitStatus: "01"),
            record(name: #""\ud83d""#),
            record(name: #""\q""#),
            record(name: "null"),
            record().replacingOccurrences(of: #""outcome" : "interrupted""#, with: #""outcome" : "exploded""#),
            record().replacingOccurrences(of: #""verification" : "verified""#, with: #""verification" : {}"#),
            record(verification: "checked-somehow"),
            record().replacingOccurrences(of: Self.digest, with: String(Self.digest.dropFirst(7))),
            record().replacingOccurrences(of: #""schema" : "repro.experiment/1","#, with: ""),
            record() + " x",
            String(record().dropLast()),
        ]
        for sample in unread {
            #expect(read(sample) == nil, "\(sample)")
        }
        // Text that is not UTF-8 is JSONDecoder's to refuse.
        var bytes = Array(record().utf8)
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "m")))
        bytes[at] = 0xFF
        #expect(bytes.withUnsafeBytes { ExperimentJSONReader.record($0) } == nil)
    }
}
