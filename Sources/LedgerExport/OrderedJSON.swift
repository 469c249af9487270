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
        var out = ""
        write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    /// The value as it appears nested `indent` levels deep: inner lines indented one level
    /// more, the closing bracket at `indent` (no leading indentation, no newline).
    func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .integer(let number): out.append(String(number))
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .array(let items):
            guard !items.isEmpty else { out.append("[]"); return }
            out.append("[\n")
            for (index, item) in items.enumerated() {
                out.append(String(repeating: "  ", count: indent + 1))
                item.write(to: &out, indent: indent + 1)
                out.append(index == items.count - 1 ? "\n" : ",\n")
            }
            out.append(String(repeating: "  ", count: indent) + "]")
        case .object(let members):
            guard !members.pairs.isEmpty else { out.append("{}"); return }
            out.append("{\n")
            for (index, pair) in members.pairs.enumerated() {
                out.append(String(repeating: "  ", count: indent + 1))
                Self.writeString(pair.key, to: &out)
                out.append(": ")
                pair.value.write(to: &out, indent: indent + 1)
                out.append(index == members.pairs.count - 1 ? "\n" : ",\n")
            }
            out.append(String(repeating: "  ", count: indent) + "}")
        }
    }

    /// Minimal escapes (quote, backslash, control characters); other text stays UTF-8.
    static func writeString(_ text: String, to out: inout String) {
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }
}
