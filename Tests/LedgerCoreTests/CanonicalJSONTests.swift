import Foundation
import LedgerCore
import Testing

/// RFC 8785 vectors: the bytes a record id is computed over.
@Suite struct CanonicalJSONTests {
    func canonical(_ json: String) throws -> String {
        let value = try JSONParser.parse(Array(json.utf8))
        return String(decoding: try CanonicalJSON.bytes(value), as: UTF8.self)
    }

    @Test func rfc8785SortingExample() throws {
        // RFC 8785 section 3.2.3: keys sorted by UTF-16 code units.
        let input = #"{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}"#
        let expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"דּ\":\"Hebrew Letter Dalet With Dagesh\"}"
        #expect(try canonical(input) == expected)
    }

    @Test func rfc8785PrimitivesExample() throws {
        // RFC 8785 section 3.2.2.
        let input = #"{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}"#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try canonical(input) == expected)
    }

    @Test func parserRefusesWhatIJSONForbids() {
        #expect(throws: JSONParser.Failure(offset: 8, reason: "duplicate member name \"a\"")) { try JSONParser.parse(Array(#"{"a":1, "a":2}"#.utf8)) }
        #expect(throws: JSONParser.Failure(offset: 8, reason: "lone surrogate")) { try JSONParser.parse(Array(#"["\ud83d"]"#.utf8)) }
        #expect(throws: JSONParser.Failure(offset: 2, reason: "control character in string")) { try JSONParser.parse([0x5b, 0x22, 0x01, 0x22, 0x5d]) }
        #expect(throws: JSONParser.Failure(offset: 3, reason: "unexpected data after the document")) { try JSONParser.parse(Array("{} x".utf8)) }
        #expect(throws: JSONParser.Failure(offset: 2, reason: "expected ',' or ']'")) { try JSONParser.parse(Array("[01]".utf8)) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(String(repeating: "[", count: 200).utf8)) }
        #expect((try? JSONParser.parse(Array(#"{"k": [1, -2.5e3, "\u00e9\ud83d\ude00", true, null]}"#.utf8)))
            == .object(["k": .array([.integer(1), .number(-2500), .string("é😀"), .bool(true), .null])]))
    }

    /// Text is UTF-8 exactly: valid sequences (U+FFFD itself included) come through byte for
    /// byte, and every malformed one is refused, never repaired.
    @Test(arguments: [[0xC3, 0xA9], [0xE4, 0xB8, 0xAD], [0xF0, 0x9F, 0x98, 0x80], [0xEF, 0xBF, 0xBD], [0x41, 0x7F]] as [[UInt8]])
    func validUTF8IsKeptByteForByte(text: [UInt8]) throws {
        let value = try JSONParser.parse([0x22] + text + [0x22])
        guard case .string(let string) = value else { Issue.record("not a string: \(value)"); return }
        #expect(Array(string.utf8) == text)
    }

    @Test(arguments: [[0xFF], [0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                      [0x41, 0xC3], [0xEF, 0xBF, 0xBD, 0xBF]] as [[UInt8]])
    func malformedUTF8IsRefused(text: [UInt8]) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22] + text + [0x22]) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22] + text + Array(#"\n""#.utf8)) }
    }

    @Test func integersStayIntegers() throws {
        #expect(try canonical(#"{"b": 1, "a": [0, -5, 9007199254740991]}"#) == #"{"a":[0,-5,9007199254740991],"b":1}"#)
    }

    @Test func whitespaceAndKeyOrderDoNotChangeTheId() throws {
        let a = try RecordCodec.decode(Array(#"{"schema":"repro.seal/1","ledger":"main","root":"sha256:\#(String(repeating: "0", count: 64))","recordCount":1,"sequence":1,"sealedAt":"2026-01-01T00:00:00Z","recordedBy":{"user":"u","host":"h"}}"#.utf8)).1
        let b = try RecordCodec.decode(Array("{\n  \"sequence\" : 1, \"recordedBy\":{\"host\":\"h\",\"user\":\"u\"},\"schema\":\"repro.seal/1\",\"ledger\":\"main\",\"root\":\"sha256:\(String(repeating: "0", count: 64))\",\"recordCount\":1,\"sealedAt\":\"2026-01-01T00:00:00Z\"}\n".utf8)).1
        #expect(a == b)
    }
}
