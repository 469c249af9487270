import Foundation
import LedgerCore
import Testing

@Suite struct RecordCodecTests {
    static let agent = Agent(user: "ada", host: "lab-01")

    static func sampleArtifact() -> ArtifactRecord {
        ArtifactRecord(
            digest: Digest.of("weights"), name: "llama-3.1-8b", kind: .checkpoint, layout: .folder, size: 42, fileCount: 3,
            sources: [.huggingFace(repo: "meta-llama/Llama-3.1-8B", revision: "0e9e39f"), .localPath("models/llama")],
            license: "llama3.1", derivedFrom: [], recordedAt: "2026-11-23T10:00:00Z", recordedBy: agent)
    }

    @Test func storedBytesArePrettySortedAndExact() throws {
        let encoded = try RecordCodec.encode(.artifact(Self.sampleArtifact()))
        let expected = """
            {
              "derivedFrom" : [

              ],
              "digest" : "sha256:\(Digest.of("weights").hex)",
              "fileCount" : 3,
              "kind" : "checkpoint",
              "layout" : "folder",
              "license" : "llama3.1",
              "name" : "llama-3.1-8b",
              "recordedAt" : "2026-11-23T10:00:00Z",
              "recordedBy" : {
                "host" : "lab-01",
                "user" : "ada"
              },
              "schema" : "repro.artifact/1",
              "size" : 42,
              "sources" : [
                {
                  "repo" : "meta-llama/Llama-3.1-8B",
                  "revision" : "0e9e39f",
                  "type" : "huggingface"
                },
                {
                  "path" : "models/llama",
                  "type" : "path"
                }
              ]
            }

            """
        #expect(String(decoding: encoded.fileBytes, as: UTF8.self) == expected)
        // The id is the SHA-256 of the RFC 8785 form, which a reader can recompute independently.
        let canonical = #"{"derivedFrom":[],"digest":"sha256:\#(Digest.of("weights").hex)","fileCount":3,"kind":"checkpoint","layout":"folder","license":"llama3.1","name":"llama-3.1-8b","recordedAt":"2026-11-23T10:00:00Z","recordedBy":{"host":"lab-01","user":"ada"},"schema":"repro.artifact/1","size":42,"sources":[{"repo":"meta-llama/Llama-3.1-8B","revision":"0e9e39f","type":"huggingface"},{"path":"models/llama","type":"path"}]}"#
        #expect(encoded.id == Digest.of(canonical))
    }

    @Test func decodingChecksTheName() throws {
        let encoded = try RecordCodec.encode(.artifact(Self.sampleArtifact()))
        let (record, id) = try RecordCodec.decode(encoded.fileBytes, expectedID: encoded.id.hex, folder: "artifacts")
        #expect(id == encoded.id)
        #expect(record == .artifact(Self.sampleArtifact()))
        let wrongName = String(repeating: "a", count: 64)
        #expect(throws: RecordDefect.hashMismatch(name: wrongName, actual: encoded.id)) {
            try RecordCodec.decode(encoded.fileBytes, expectedID: wrongName)
        }
        #expect(throws: RecordDefect.wrongFolder(schema: "repro.artifact/1", folder: "events")) {
            try RecordCodec.decode(encoded.fileBytes, folder: "events")
        }
    }

    @Test func truncatedAndForeignFilesAreNamedDefects() throws {
        let encoded = try RecordCodec.encode(.artifact(Self.sampleArtifact()))
        #expect(throws: RecordDefect.self) { try RecordCodec.decode(Array(encoded.fileBytes.prefix(40))) }
        #expect(throws: RecordDefect.unknownSchema("repro.future/9")) { try RecordCodec.decode(Array(#"{"schema":"repro.future/9"}"#.utf8)) }
        #expect(throws: RecordDefect.schemaViolation("missing field kind")) {
            try RecordCodec.decode(Array(#"{"schema":"repro.artifact/1","digest":"sha256:\#(String(repeating: "0", count: 64))","name":"x"}"#.utf8))
        }
    }

    @Test func merkleRootIsOrderIndependentAndDomainSeparated() {
        let ids = (0..<5).map { Digest.of("record \($0)") }
        #expect(MerkleRoot.of(ids) == MerkleRoot.of(ids.reversed()))
        #expect(MerkleRoot.of(ids) != MerkleRoot.of(Array(ids.dropLast())))
        #expect(MerkleRoot.of([]) == Digest.of([UInt8]()))
        // A single leaf is SHA-256(0x00 || id), never the id itself.
        #expect(MerkleRoot.of([ids[0]]) == Digest.of([0x00] + ids[0].bytes))
        let sorted = ids.sorted()
        let leaves = sorted.map { Digest.of([0x00] + $0.bytes).bytes }
        let node01 = Digest.of([0x01] + leaves[0] + leaves[1]).bytes
        let node23 = Digest.of([0x01] + leaves[2] + leaves[3]).bytes
        let node0123 = Digest.of([0x01] + node01 + node23).bytes
        #expect(MerkleRoot.of(ids) == Digest.of([0x01] + node0123 + leaves[4]))
    }

    @Test func artifactNamesAreDataAndOnlyUnseenCharactersAreRefused() throws {
        for good in ["meta-llama/Llama-3.1-8B", "back\\slash", "..", "a..b", ".hidden", "-flag", "Llama-3.1-8B ft (lr=1e-4)",
                     "Café ünïcode/名前", "a\u{00A0}b"] {
            #expect(try Names.validate(good, as: .artifact) == good)
            #expect(try Names.validate(good, as: .experiment) == good)
        }
        let refused: [(String, String)] = [
            ("", "it is empty"),
            (String(repeating: "x", count: 201), "it is longer than 200 bytes"),
            ("x\u{0}y", "it contains a control character (U+0000)"),
            ("tab\there", "it contains a control character (U+0009)"),
            ("new\nline", "it contains a control character (U+000A)"),
            ("del\u{7F}", "it contains a control character (U+007F)"),
            ("c1\u{85}", "it contains a control character (U+0085)"),
            ("zero\u{200B}width", "it contains an invisible character (U+200B)"),
            ("bidi\u{202E}gnp.exe", "it contains an invisible character (U+202E)"),
            ("soft\u{AD}hyphen", "it contains an invisible character (U+00AD)"),
            ("line\u{2028}sep", "it contains a line break (U+2028)"),
            ("non\u{FFFF}char", "it contains a noncharacter (U+FFFF)"),
            (" padded", "it starts or ends with white space"),
            ("padded\u{3000}", "it starts or ends with white space"),
        ]
        for (name, reason) in refused {
            #expect(throws: LedgerError.invalidName(name: name, role: "artifact", reason: reason)) { try Names.validate(name, as: .artifact) }
        }
        #expect(String(describing: LedgerError.invalidName(name: "a\tb", role: "experiment", reason: "x")) == #"invalid experiment name "a\tb": x"#)
    }

    /// A co-author's record can hold a name of a megabyte: the message says how long it is
    /// and quotes its first 120 scalars, even when they are one grapheme of combining marks.
    @Test func anOverlongValueIsQuotedInPart() throws {
        let name = String(repeating: "x", count: 300_000)
        let reason = "it is longer than 200 bytes"
        #expect(String(describing: LedgerError.invalidName(name: name, role: "artifact", reason: reason))
            == "invalid artifact name \"" + String(repeating: "x", count: 120) + "\"… (300000 bytes in all): " + reason)
        let stacked = "a" + String(repeating: "\u{301}", count: 1_000)
        #expect(String(describing: LedgerError.invalidDate(stacked))
            == "invalid date \"a" + String(repeating: "\u{301}", count: 119) + "\"… (2001 bytes in all): "
            + "expected a calendar day as YYYY-MM-DD, e.g. 2024-07-23")
        // At the limit, the whole value.
        let exact = String(repeating: "y", count: 120)
        #expect(String(describing: LedgerError.invalidTimestamp(exact)).hasPrefix("invalid time \"" + exact + "\": expected"))
    }

    @Test func ledgerNamesStayFolderSafe() throws {
        let refused: [(String, String)] = [
            ("a/b", "ledger names may hold only letters, digits, \".\", \"_\" and \"-\""),
            ("back\\slash", "ledger names may hold only letters, digits, \".\", \"_\" and \"-\""),
            ("has space", "ledger names may hold only letters, digits, \".\", \"_\" and \"-\""),
            ("..", "it contains \"..\""),
            ("a..b", "it contains \"..\""),
            (".hidden", "it starts with \".\""),
            ("-flag", "it starts with \"-\""),
            ("tab\there", "it contains a control character (U+0009)"),
        ]
        for (name, reason) in refused {
            #expect(throws: LedgerError.invalidName(name: name, role: "ledger", reason: reason)) { try Names.validate(name, as: .ledger) }
        }
        #expect(try Names.validate("paper-2026_v2", as: .ledger) == "paper-2026_v2")
    }

    @Test func datesMustBeRealCalendarDays() throws {
        #expect((try? Timestamps.day("2024-02-29")) == "2024-02-29")
        for bad in ["2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024-01-01T00:00:00Z", "yesterday", "2024-00-10"] {
            #expect(throws: LedgerError.invalidDate(bad)) { try Timestamps.day(bad) }
            #expect(throws: LedgerError.invalidDate(bad)) { try CalendarDay(validating: bad) }
        }
        #expect(try CalendarDay(validating: "2024-02-29").text == "2024-02-29")
        #expect(CalendarDay("2023-12-31") < CalendarDay("2024-01-01"))
        let clock = Date(timeIntervalSince1970: 1_735_689_600) // 2025-01-01T00:00:00Z
        #expect(try Timestamps.pastDay(CalendarDay("2025-01-02"), clock: clock) == "2025-01-02")
        #expect(throws: LedgerError.futureDate("2025-01-03", latest: "2025-01-02")) {
            try Timestamps.pastDay(CalendarDay("2025-01-03"), clock: clock)
        }
    }

    @Test func availabilityFoldTakesTheLatestEventOnOrBeforeTheDay() {
        func event(_ status: AvailabilityStatus, _ day: String, recorded: String = "2026-01-01T00:00:00Z") -> AvailabilityEvent {
            AvailabilityEvent(digest: Digest.of("m"), status: status, asOf: day, evidence: nil, note: nil, recordedAt: recorded, recordedBy: Self.agent)
        }
        let events = [event(.withdrawn, "2025-03-01"), event(.open, "2023-07-18"), event(.gated, "2024-01-10"),
                      event(.retained, "2025-03-02"), event(.deprecated, "2024-01-10", recorded: "2026-02-01T00:00:00Z")]
        #expect(AvailabilityFold.status(of: events, onOrBefore: "2023-12-31")?.status == .open)
        #expect(AvailabilityFold.status(of: events, onOrBefore: "2024-01-10")?.status == .deprecated)
        #expect(AvailabilityFold.status(of: events)?.status == .withdrawn)
        #expect(AvailabilityFold.retainedCopy(in: events)?.asOf == "2025-03-02")
        #expect(AvailabilityFold.retainedCopy(in: events, onOrBefore: "2025-03-01") == nil)
        #expect(AvailabilityFold.status(of: events, onOrBefore: "2020-01-01") == nil)
    }

    @Test func lfsPointerIsRecognised() {
        let oid = Digest.of("big weights")
        let pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:\(oid.hex)\nsize 16\n"
        #expect(LFSPointer(Array(pointer.utf8)) == LFSPointer(Array(pointer.utf8)))
        #expect(LFSPointer(Array(pointer.utf8))?.digest == oid)
        #expect(LFSPointer(Array(pointer.utf8))?.size == 16)
        #expect(LFSPointer(Array("version 2\n".utf8)) == nil)
    }

    @Test func huggingFaceSnapshotPathsAreRecognised() {
        let snapshot = HuggingFaceSnapshot(path: "/home/u/.cache/huggingface/hub/models--meta-llama--Llama-3.1-8B/snapshots/0e9e39f249a16976918f6564b8830bc894c89659/config.json")
        #expect(snapshot?.repository == "meta-llama/Llama-3.1-8B")
        #expect(snapshot?.revision == "0e9e39f249a16976918f6564b8830bc894c89659")
        #expect(snapshot?.repositoryType == "models")
        #expect(HuggingFaceSnapshot(path: "/data/datasets--allenai--c4/snapshots/abc")?.repository == "allenai/c4")
        #expect(HuggingFaceSnapshot(path: "/data/models/llama") == nil)
    }
}
