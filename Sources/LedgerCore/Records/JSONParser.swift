/// A strict RFC 8259 parser into `JSONValue`.
///
/// Written here rather than going through `JSONDecoder` because verifying a record
/// needs integers kept apart from doubles, duplicate keys refused (RFC 8785 works on
/// I-JSON), and speed: decoding `JSONValue` through `Codable` tries each type in turn
/// and was most of the cost of indexing 100,000 records.
public struct JSONParser {
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset)" }

        public init(offset: Int, reason: String) {
            self.offset = offset
            self.reason = reason
        }
    }

    /// Nested arrays and objects deeper than this are refused rather than risking the stack.
    public static var maximumDepth: Int { RecordLimits.maximumDepth }

    /// The integers RFC 8785 can write exactly: an IEEE 754 double holds every
    /// integer up to 2^53 - 1 (I-JSON, RFC 7493); a larger one would be rounded.
    public static let safeIntegers: ClosedRange<Int64> = -(1 << 53 - 1)...(1 << 53 - 1)

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> JSONValue in
            var parser = Cursor(bytes: buffer)
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.position == buffer.count else { throw parser.failure("unexpected data after the document") }
            return value
        }
    }

    /// Also reads the strings of `ExperimentJSONReader`, so JSON text is unescaped in one place.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
            self.bytes = bytes
            self.position = position
        }

        func failure(_ reason: String) -> Failure { Failure(offset: position, reason: reason) }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 { position += 1 }
        }

        mutating func expect(_ literal: StaticString) throws(Failure) {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw failure("truncated literal") }
            let start = literal.utf8Start
            for index in 0..<count where bytes[position + index] != start[index] { throw failure("invalid literal") }
            position += count
        }

        /// `depth` counts the arrays and objects around the value.
        mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard let byte = current else { throw failure("unexpected end of input") }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "n"): try expect("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw failure("unexpected character")
            }
        }

        func checkDepth(_ depth: Int) throws(Failure) {
            guard depth < JSONParser.maximumDepth else {
                throw failure("nested deeper than the limit of \(JSONParser.maximumDepth) arrays and objects")
            }
        }

        mutating func object(depth: Int) throws(Failure) -> JSONValue {
            try checkDepth(depth)
            position += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if current == UInt8(ascii: "}") { position += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw failure("expected a member name") }
                let keyStart = position
                let key = try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw failure("expected ':'") }
                position += 1
                skipWhitespace()
                let member = try value(depth: depth + 1)
                guard members.updateValue(member, forKey: key) == nil else {
                    throw Failure(offset: keyStart, reason: "duplicate member name \(key.debugDescription)")
                }
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"): position += 1; return .object(members)
                default: throw failure("expected ',' or '}'")
                }
            }
        }

        mutating func array(depth: Int) throws(Failure) -> JSONValue {
            try checkDepth(depth)
            position += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"): position += 1; return .array(items)
                default: throw failure("expected ',' or ']'")
                }
            }
        }

        mutating func string() throws(Failure) -> String {
            position += 1
            let start = position
            // Fast path: no escapes.
            while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                guard byte >= 0x20 else { throw failure("control character in string") }
                position += 1
            }
            guard let stop = current else { throw failure("unterminated string") }
            if stop == UInt8(ascii: "\"") {
                let text = try validated(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                position += 1
                return text
            }
            var scalars = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while true {
                guard let byte = current else { throw failure("unterminated string") }
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return try scalars.withUnsafeBufferPointer { (buffer) throws(Failure) in try validated(buffer) }
                case UInt8(ascii: "\\"):
                    guard let escape = current else { throw failure("unterminated escape") }
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                    case UInt8(ascii: "b"): scalars.append(0x08)
                    case UInt8(ascii: "f"): scalars.append(0x0c)
                    case UInt8(ascii: "n"): scalars.append(0x0a)
                    case UInt8(ascii: "r"): scalars.append(0x0d)
                    case UInt8(ascii: "t"): scalars.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code) {
                            guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
                            else { throw failure("lone surrogate") }
                            position += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw failure("lone surrogate") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00..<0xE000).contains(code) {
                            throw failure("lone surrogate")
                        }
                        scalars.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
                    default: throw failure("invalid escape")
                    }
                default:
                    guard byte >= 0x20 else { throw failure("control character in string") }
                    scalars.append(byte)
                }
            }
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard position + 4 <= bytes.count else { throw failure("truncated \\u escape") }
            var code: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw failure("invalid \\u escape")
                }
                code = code << 4 | UInt32(digit)
                position += 1
            }
            return code
        }

        func validated(_ utf8: UnsafeBufferPointer<UInt8>) throws(Failure) -> String {
            // `String(validating:as:)` is generic and looked up its encoding's metadata on
            // every call: a third of reading a record. Decoding is specialised for UTF-8 and
            // repairs what is invalid, so the text is valid exactly when it keeps every byte.
            let text = String(decoding: utf8, as: UTF8.self)
            guard utf8.allSatisfy({ $0 < 0x80 }) || text.utf8.elementsEqual(utf8) else { throw failure("invalid UTF-8") }
            return text
        }

        mutating func number() throws(Failure) -> JSONValue {
            let start = position
            if current == UInt8(ascii: "-") { position += 1 }
            guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { throw failure("invalid number") }
            if first == UInt8(ascii: "0") {
                position += 1
            } else {
                while let digit = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) { position += 1 }
            }
            var integral = true
            if current == UInt8(ascii: ".") {
                integral = false
                position += 1
                guard let digit = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { throw failure("invalid number") }
                while let digit = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) { position += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                integral = false
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard let digit = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { throw failure("invalid number") }
                while let digit = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) { position += 1 }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            if integral {
                guard let integer = Int64(text), JSONParser.safeIntegers.contains(integer) else {
                    throw Failure(offset: start, reason: "integer \(text) is beyond ±(2^53 - 1), which RFC 8785 cannot write exactly")
                }
                return .integer(integer)
            }
            guard let double = Double(text), double.isFinite else { throw Failure(offset: start, reason: "number out of range") }
            return .number(double)
        }
    }
}
