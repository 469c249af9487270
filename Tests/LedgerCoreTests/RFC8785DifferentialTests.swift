import Foundation
import LedgerCore
import Testing
import TestSupport

/// Our RFC 8785 bytes against an independent implementation, PyPI's `rfc8785`
/// (installed by scripts/install-deps.sh), on generated JSON: random integers,
/// doubles from random bit patterns, unicode and escapes, nested objects. Both must
/// give the same bytes, or both must refuse (integers beyond ±(2^53 - 1), non-finite numbers).
@Suite struct RFC8785DifferentialTests {
    static let python = """
        import json, sys, rfc8785
        for line in sys.stdin:
            try:
                print(rfc8785.dumps(json.loads(line)).hex())
            except (rfc8785.CanonicalizationError, ValueError) as error:
                print("refused " + type(error).__name__)
        """

    @Test func generatedDocumentsCanonicalizeLikeThePythonReference() throws {
        var generator = JSONTextGenerator(seed: 0x8785)
        var documents = JSONTextGenerator.edgeCases
        for _ in 0..<600 { documents.append(generator.document()) }
        let input = documents.joined(separator: "\n") + "\n"
        let result = try Subprocess.run(["python3", "-c", Self.python], stdin: Array(input.utf8))
        try #require(result.status == 0, "python3 with rfc8785 failed: \(result.stderr)")
        let expected = result.stdout.split(separator: "\n").map(String.init)
        try #require(expected.count == documents.count)
        var compared = 0, refused = 0
        for (document, reference) in zip(documents, expected) {
            let ours: String
            do {
                ours = CanonicalJSON.hex(try CanonicalJSON.bytes(try JSONParser.parse(Array(document.utf8))))
            } catch {
                ours = "refused"
            }
            if reference.hasPrefix("refused") {
                refused += 1
                #expect(ours == "refused", "python refused \(document) (\(reference)); we wrote \(ours)")
            } else {
                compared += 1
                #expect(ours == reference, "\(document)")
            }
        }
        // The generator must really exercise both outcomes.
        #expect(compared > 550)
        #expect(refused >= 6)
    }
}

extension CanonicalJSON {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}

/// JSON texts written the way other tools write them (white space, `\u` escapes, exponents),
/// so canonicalization has work to do. SplitMix64, so a failure replays.
struct JSONTextGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    static let edgeCases = [
        "9007199254740991", "-9007199254740991", "9007199254740992", "-9007199254740992", "9223372036854775807",
        "123456789012345678901234567890", "1e21", "1E+21", "1e20", "100000000000000000000", "1e-7", "1e-6", "0.000001",
        "5e-324", "1.7976931348623157e308", "1e400", "-0", "-0.0", "0.1", "333333333.33333329", "4.50", "2e-3",
        #"{"\u20ac":1,"\r":2,"\ufb33":3,"1":4,"\ud83d\ude00":5,"\u0080":6,"\u00f6":7}"#,
        #"["\u0000\u001f\u007f\u2028\u2029\"\\\/\b\f\n\r\t"]"#, #"{"a":{"b":{"c":[[[{}]]]}}}"#,
    ]

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func space() -> String { ["", "", " ", "   ", "\t"][below(5)] }  // no new line: one document per line

    mutating func document() -> String { value(depth: 0) }

    mutating func value(depth: Int) -> String {
        switch below(depth > 4 ? 4 : 7) {
        case 0: return ["null", "true", "false"][below(3)]
        case 1: return integer()
        case 2: return number()
        case 3: return string()
        case 4, 5:
            let items = (0..<below(5)).map { _ in space() + value(depth: depth + 1) + space() }
            return "[" + items.joined(separator: ",") + "]"
        default:
            var keys = Set<String>()
            var members: [String] = []
            for _ in 0..<below(6) {
                let key = string()
                // Distinct after unescaping: compare what the parser would see.
                guard let decoded = try? JSONParser.parse(Array(key.utf8)), keys.insert("\(decoded)").inserted else { continue }
                members.append(space() + key + space() + ":" + space() + value(depth: depth + 1))
            }
            return "{" + members.joined(separator: ",") + space() + "}"
        }
    }

    mutating func integer() -> String {
        switch below(8) {
        case 0: return String(Int64(bitPattern: next()))  // mostly beyond 2^53: refused by both
        case 1: return ["9007199254740991", "-9007199254740991", "0", "-0"][below(4)]
        default: return String(Int64(bitPattern: next()) >> (11 + Int64(below(50))))
        }
    }

    mutating func number() -> String {
        var double = Double(bitPattern: next())
        while !double.isFinite { double = Double(bitPattern: next()) }
        switch below(4) {
        case 0: return String(format: "%.17g", double)
        case 1: return String(format: "%.3e", Double(below(2_000_000)) / 1000 - 1000)
        case 2: return "\(Double(below(1 << 20)) * pow(10, Double(below(50) - 25)))"
        default: return "\(double)"
        }
    }

    static let palette: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{8}", "\u{9}", "\u{a}", "\u{c}",
                                            "\u{d}", "\u{1f}", "\u{7f}", "\u{80}", "é", "ö", "€", "\u{2028}", "\u{fb33}",
                                            "\u{ffff}", "😀", "\u{10ffff}", "\u{e000}"]

    mutating func string() -> String {
        var text = "\""
        for _ in 0..<below(8) {
            let scalar = Self.palette[below(Self.palette.count)]
            let escape = below(3) == 0
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "/": text += escape ? "\\/" : "/"
            case "\u{8}": text += "\\b"
            case "\u{c}": text += "\\f"
            case "\u{a}": text += "\\n"
            case "\u{d}": text += "\\r"
            case "\u{9}": text += "\\t"
            default:
                if scalar.value < 0x20 || escape {
                    for unit in String(scalar).utf16 { text += String(format: "\\u%04x", unit) }
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}
