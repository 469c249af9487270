import Foundation
@testable import LedgerIndex
import ReproKit
import Testing

/// `list experiments --json` writes each element byte by byte; it must spell exactly what the
/// encoder and `trimmingCharacters` spelled before.
@Suite struct RawRecordElementTests {
    /// The element as it was composed before: a JSONEncoder head and the trimmed stored record.
    func reference(_ raw: RawRecord) throws -> [UInt8] {
        let head = try JSONOutput.compact(["id": raw.id, "ledger": raw.ledger, "path": raw.path])
        let element = head.dropLast() + ",\"record\":"
            + String(decoding: raw.json, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) + "}"
        return Array(element.utf8)
    }

    @Test(arguments: [
        ("ab12", "main", "ledgers/main/experiments/ab/ab12.json", "{\n  \"name\": \"run-1\",\n  \"note\": \"naïve 中文 \\\"q\\\"\"\n}\n"),
        ("cd34", "paper-2.v1_x", "ledgers/paper-2.v1_x/experiments/cd/cd34.json", "\t\r\n {\"a\":[1,2,{}]} \n\n"),
        ("ef56", "main", "ledgers/main/experiments/ef/ef56.json", "{}"),
        // Names the fast path leaves to the encoder: a quote, a backslash, a control character, non-ASCII.
        ("q\"uote", "back\\slash", "tab\there/é", "{\"k\": \"v\"}\n"),
    ])
    func elementIsByteForByteWhatTheEncoderWrote(id: String, ledger: String, path: String, json: String) throws {
        let raw = RawRecord(id: id, ledger: ledger, path: path, json: Array(json.utf8))
        #expect(try RawRecordElement.bytes(raw) == reference(raw))
    }

    @Test func theFastPathSpellsTheHeadLiterally() throws {
        let raw = RawRecord(id: "ab12", ledger: "main", path: "ledgers/main/experiments/ab/ab12.json", json: Array(" {\"x\": 1}\n".utf8))
        #expect(String(decoding: try RawRecordElement.bytes(raw), as: UTF8.self)
            == #"{"id":"ab12","ledger":"main","path":"ledgers/main/experiments/ab/ab12.json","record":{"x": 1}}"#)
    }
}
