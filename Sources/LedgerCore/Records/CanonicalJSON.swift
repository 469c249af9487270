/// RFC 8785 JSON Canonicalization Scheme: the byte form a record's id is the SHA-256 of.
///
/// Keys sorted by UTF-16 code units, no insignificant white space, strings with
/// the minimal escapes, numbers as ECMAScript prints them. Any JCS implementation
/// in another language gives the same bytes, so ids can be checked independently.
public enum CanonicalJSON {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// NaN and infinities have no JSON form.
        case nonFiniteNumber
        /// An integer beyond ±(2^53 - 1): RFC 8785 would round it to the nearest double, so two
        /// records differing only in that integer would share an id. Refused, as PyPI's `rfc8785` does.
        case integerOutOfRange(Int64)

        public var description: String {
            switch self {
            case .nonFiniteNumber: return "a number is not finite"
            case .integerOutOfRange(let number): return "integer \(number) is beyond ±(2^53 - 1), which RFC 8785 cannot write exactly"
            }
        }
    }

    public static func bytes(_ value: JSONValue) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        try write(value, to: &out)
        return out
    }

    private static func write(_ value: JSONValue, to out: inout [UInt8]) throws {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number):
            guard JSONParser.safeIntegers.contains(number) else { throw Failure.integerOutOfRange(number) }
            out.append(contentsOf: String(number).utf8)
        case .number(let number): out.append(contentsOf: try format(number).utf8)
        case .string(let text): writeString(text, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                try write(members[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5c, 0x22])
            case 0x5c: out.append(contentsOf: [0x5c, 0x5c])
            case 0x08: out.append(contentsOf: [0x5c, UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [0x5c, UInt8(ascii: "t")])
            case 0x0a: out.append(contentsOf: [0x5c, UInt8(ascii: "n")])
            case 0x0c: out.append(contentsOf: [0x5c, UInt8(ascii: "f")])
            case 0x0d: out.append(contentsOf: [0x5c, UInt8(ascii: "r")])
            case 0x00..<0x20:
                out.append(contentsOf: [0x5c, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xf)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// ECMAScript Number::toString for a finite double (RFC 8785 section 3.2.2.3).
    static func format(_ number: Double) throws -> String {
        guard number.isFinite else { throw Failure.nonFiniteNumber }
        if number == 0 { return "0" }
        let sign = number < 0 ? "-" : ""
        // Swift prints the shortest digits that round-trip, as ECMAScript requires.
        var (digits, exponent) = decompose(String(describing: abs(number)))
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        let k = digits.count
        let n = exponent
        let body: String
        if k <= n && n <= 21 {
            body = digits + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            body = String(digits.prefix(n)) + "." + String(digits.dropFirst(n))
        } else if -6 < n && n <= 0 {
            body = "0." + String(repeating: "0", count: -n) + digits
        } else {
            let mantissa = k == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
            let e = n - 1
            body = mantissa + "e" + (e >= 0 ? "+" : "-") + String(abs(e))
        }
        return sign + body
    }

    /// Splits Swift's `1.2345e-07` / `123.45` into significant digits and the
    /// decimal exponent n with value = 0.d1d2… × 10^n.
    private static func decompose(_ text: String) -> (String, Int) {
        var mantissa = text
        var power = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            power = Int(text[text.index(after: e)...])!
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integerPart + fraction
        var n = integerPart.count + power
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            n -= 1
        }
        return (digits, n)
    }
}
