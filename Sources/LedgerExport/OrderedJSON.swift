/// A JSON value whose object members keep the order they were added in, so JSON exports
/// read in the order the formats document and their bytes never depend on hashing.
enum OrderedJSON: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case array([OrderedJSON])
    case object(Members)

    /// Object members in insertion order; absent values and empty arrays are skipped so
    /// optional fields never appear as `null` or `[]`.
    struct Members: Equatable, Sendable {
        fileprivate(set) var pairs: [(key: String, value: OrderedJSON)] = []

        init() {}

        mutating func add(_ key: String, _ value: OrderedJSON?) {
            guard let value else { return }
            if case .array(let items) = value, items.isEmpty { return }
            if case .object(let members) = value, members.pairs.isEmpty { return }
            pairs.append((key, value))
        }

        mutating func add(_ key: String, _ text: String?) {
            add(key, text.map(OrderedJSON.string))
        }

        var isEmpty: Bool { pairs.isEmpty }

        static func == (lhs: Members, rhs: Members) -> Bool {
            lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
        }
    }

    /// Builds an object in place: `.object { $0.add("name", "x") }`.
    static func object(_ build: (inout Members) -> Void) -> OrderedJSON {
        var members = Members()
        build(&members)
        return .object(members)
    }

    /// Two-space indented text ending in a newline, the form the exports are written in.
    var prettyPrinted: String {
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The value as it appears nested `indent` levels deep: inner lines indented one level
    /// more, the closing bracket at `indent` (no leading indentation, no newline). Written as
    /// UTF-8 bytes: appending to a String scalar by scalar was most of a CycloneDX export's time.
    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .integer(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .array(let items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                Self.pad(indent + 1, &out)
                item.write(to: &out, indent: indent + 1)
                out.append(contentsOf: (index == items.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.pad(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.pairs.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (index, pair) in members.pairs.enumerated() {
                Self.pad(indent + 1, &out)
                Self.writeString(pair.key, to: &out)
                out.append(contentsOf: ": ".utf8)
                pair.value.write(to: &out, indent: indent + 1)
                out.append(contentsOf: (index == members.pairs.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.pad(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Two spaces per level.
    static func pad(_ level: Int, _ out: inout [UInt8]) {
        let width = 2 * level
        guard width <= spaces.count else { return out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width)) }
        out.append(contentsOf: spaces[..<width])
    }

    /// Indentation copied from one run of spaces (a document is rarely 32 levels deep).
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// Minimal escapes (quote, backslash, control characters); other text stays UTF-8.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        // Scanned as one buffer of bytes: iterating the UTF-8 view byte by byte was the
        // largest single cost of a CycloneDX export.
        var text = text
        text.withUTF8 { writeString(bytes: $0, to: &out) }
    }

    private static func writeString(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most text needs no escape: copied whole.
        if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case ..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
