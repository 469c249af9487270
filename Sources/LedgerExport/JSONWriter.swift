/// Writes JSON straight to bytes in `OrderedJSON`'s layout (two-space indent, `"key": value`),
/// for an item written 100,000 times: building an `OrderedJSON` tree per CycloneDX workflow,
/// then walking it, was a sixth of a whole-ledger export. The caller leaves out what
/// `OrderedJSON.Members.add` would skip (absent values, empty arrays).
struct JSONWriter {
    /// The level the value starts at, as `OrderedJSON.write(to:indent:)` takes it.
    private let indent: Int
    /// One entry per open container: true until its first member or item.
    private var empty: [Bool] = []

    init(indent: Int) { self.indent = indent }

    mutating func openObject(_ out: inout [UInt8]) { open(UInt8(ascii: "{"), &out) }
    mutating func openArray(_ out: inout [UInt8]) { open(UInt8(ascii: "["), &out) }
    mutating func closeObject(_ out: inout [UInt8]) { close(UInt8(ascii: "}"), &out) }
    mutating func closeArray(_ out: inout [UInt8]) { close(UInt8(ascii: "]"), &out) }

    /// A member's key; its value is written next.
    mutating func key(_ key: String, _ out: inout [UInt8]) {
        next(&out)
        OrderedJSON.writeString(key, to: &out)
        out.append(contentsOf: ": ".utf8)
    }

    /// A string member, left out when `value` is nil.
    mutating func member(_ key: String, _ value: String?, _ out: inout [UInt8]) {
        guard let value else { return }
        self.key(key, &out)
        OrderedJSON.writeString(value, to: &out)
    }

    /// Starts an array item; its value is written next.
    mutating func item(_ out: inout [UInt8]) { next(&out) }

    /// A string item.
    mutating func item(_ value: String, _ out: inout [UInt8]) {
        next(&out)
        OrderedJSON.writeString(value, to: &out)
    }

    private mutating func open(_ bracket: UInt8, _ out: inout [UInt8]) {
        out.append(bracket)
        empty.append(true)
    }

    private mutating func next(_ out: inout [UInt8]) {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
            out.append(UInt8(ascii: "\n"))
        } else {
            out.append(contentsOf: ",\n".utf8)
        }
        OrderedJSON.pad(indent + empty.count, &out)
    }

    private mutating func close(_ bracket: UInt8, _ out: inout [UInt8]) {
        let wasEmpty = empty.removeLast()
        // `{}` or `[]`, as OrderedJSON writes an empty container.
        if wasEmpty { return out.append(bracket) }
        out.append(UInt8(ascii: "\n"))
        OrderedJSON.pad(indent + empty.count, &out)
        out.append(bracket)
    }
}
