import Foundation
import LedgerCore
import Testing

/// The caps every reader applies: `RecordLimits.maximumSize` bytes and
/// `RecordLimits.maximumDepth` nested arrays and objects, each tested at the limit and one past it.
@Suite struct RecordLimitsTests {
    /// An artifact record whose stored form is exactly `size` bytes, padded through its note.
    static func artifact(storedSize size: Int) throws -> ArtifactRecord {
        var record = RecordCodecTests.sampleArtifact()
        record.note = ""
        let base = try RecordCodec.encode(.artifact(record)).fileBytes.count
        record.note = String(repeating: "x", count: size - base)
        return record
    }

    @Test func aRecordOfExactlyTheMaximumSizeIsReadAndOneByteMoreIsNot() throws {
        let record = try Self.artifact(storedSize: RecordLimits.maximumSize)
        let encoded = try RecordCodec.encode(.artifact(record))
        #expect(encoded.fileBytes.count == 4_194_304)
        let (decoded, id) = try RecordCodec.decode(encoded.fileBytes, expectedID: encoded.id.hex, folder: "artifacts")
        #expect(decoded == .artifact(record))
        #expect(id == encoded.id)

        // One byte more (white space the canonical form ignores) is refused before parsing.
        let larger = Array(encoded.fileBytes.dropLast()) + [0x20, 0x0a]
        #expect(throws: RecordDefect.tooLarge(bytes: 4_194_305)) { try RecordCodec.decode(larger) }
        #expect(RecordDefect.tooLarge(bytes: 4_194_305).description
            == "4194305 bytes, larger than the 4194304-byte limit for a record; not read")
        // And the writer refuses to make a record no reader would accept.
        var tooLong = record
        tooLong.note! += "x"
        #expect(throws: RecordDefect.tooLarge(bytes: 4_194_305)) { try RecordCodec.encode(.artifact(tooLong)) }
    }

    /// A license record nesting `depth` arrays and objects in all: the record, its definition, then arrays.
    static func license(depth: Int) -> LicenseRecord {
        var deep = JSONValue.array([])
        for _ in 0..<(depth - 3) { deep = .array([deep]) }
        return LicenseRecord(id: "acme-1.0", definition: .object(["id": .string("acme-1.0"), "deep": deep]),
                             recordedAt: "2026-11-23T10:00:00Z", recordedBy: RecordCodecTests.agent)
    }

    @Test func aRecordOfExactlyTheMaximumDepthIsReadAndOneLevelMoreIsNot() throws {
        #expect(RecordLimits.maximumDepth == 64)
        #expect(JSONParser.maximumDepth == RecordLimits.maximumDepth)
        let atLimit = try RecordCodec.encode(.license(Self.license(depth: 64)))
        #expect(try RecordCodec.decode(atLimit.fileBytes).0 == .license(Self.license(depth: 64)))

        let beyond = try JSONEncoder().encode(Self.license(depth: 65))
        let offset = try #require(beyond.firstRange(of: Data(String(repeating: "[", count: 63).utf8))?.lowerBound) + 62
        #expect(throws: RecordDefect.notJSON("nested deeper than the limit of 64 arrays and objects at byte \(offset)")) {
            try RecordCodec.decode([UInt8](beyond))
        }
    }

    @Test func theParserStopsAtTheLimitInBoundedTimeAndStack() {
        #expect((try? JSONParser.parse(Array((String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).utf8))) != nil)
        #expect((try? JSONParser.parse(Array((String(repeating: "{\"a\":", count: 63) + "{}" + String(repeating: "}", count: 63)).utf8))) != nil)
        // 100,000 levels (the hostile record of issue 9) fail at the 65th, having read 64 bytes.
        #expect(throws: JSONParser.Failure(offset: 64, reason: "nested deeper than the limit of 64 arrays and objects")) {
            try JSONParser.parse(Array(String(repeating: "[", count: 100_000).utf8))
        }
        #expect(throws: JSONParser.Failure(offset: 320, reason: "nested deeper than the limit of 64 arrays and objects")) {
            try JSONParser.parse(Array(String(repeating: "{\"a\":", count: 100_000).utf8))
        }
    }
}
