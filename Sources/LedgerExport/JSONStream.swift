import LedgerCore

/// A JSON array or object written item by item to a sink, in exactly the bytes
/// `OrderedJSON.prettyPrinted` gives for the whole value: for documents too large to build.
struct JSONStream {
    let sink: TextSink
    /// The nesting level of the container itself (the document is 0).
    let indent: Int
    private let open: String
    private let close: String
    private(set) var count = 0

    private init(sink: TextSink, indent: Int, open: String, close: String) {
        self.sink = sink
        self.indent = indent
        self.open = open
        self.close = close
    }

    static func object(_ sink: TextSink, indent: Int) -> JSONStream { JSONStream(sink: sink, indent: indent, open: "{", close: "}") }
    static func array(_ sink: TextSink, indent: Int) -> JSONStream { JSONStream(sink: sink, indent: indent, open: "[", close: "]") }

    static func padding(_ level: Int) -> String { String(repeating: "  ", count: level) }

    /// An array item.
    mutating func item(_ value: OrderedJSON) {
        separate()
        let indent = indent
        sink.writeUTF8 { value.write(to: &$0, indent: indent + 1) }
    }

    /// An object member, left out (as `OrderedJSON.Members.add` does) when absent or empty.
    mutating func member(_ key: String, _ value: OrderedJSON?) {
        guard let value, !Self.isEmpty(value) else { return }
        memberKey(key)
        let indent = indent
        sink.writeUTF8 { value.write(to: &$0, indent: indent + 1) }
    }

    mutating func member(_ key: String, _ text: String?) {
        member(key, text.map(OrderedJSON.string))
    }

    /// An object member whose value is a container of `items` already written to `spill` by
    /// `JSONStream.spilled(_:to:indent:first:)`; left out when there are none.
    mutating func member(_ key: String, object: Bool, items: Int, spill: TextSink) throws {
        guard items > 0 else { return }
        memberKey(key)
        sink.write((object ? "{" : "[") + "\n")
        try sink.append(contentsOf: spill)
        sink.write("\n" + Self.padding(indent + 1) + (object ? "}" : "]"))
    }

    /// The key of a member whose value the caller writes next, nested `indent + 1` deep.
    mutating func memberKey(_ key: String) {
        separate()
        sink.writeUTF8 { out in
            OrderedJSON.writeString(key, to: &out)
            out.append(contentsOf: ": ".utf8)
        }
    }

    /// Closes the container (`{}` or `[]` when nothing was written).
    func end() {
        sink.write(count == 0 ? open + close : "\n" + Self.padding(indent) + close)
    }

    /// One item (`key` nil) or member of a container nested `indent` deep, written to a spill
    /// without the container's brackets; `first` says whether it needs a separator.
    static func spilled(_ value: OrderedJSON, key: String? = nil, to spill: TextSink, indent: Int, first: Bool) {
        spilled(key: key, to: spill, indent: indent, first: first) { value.write(to: &$0, indent: indent + 1) }
    }

    /// The same for a value `write` spells itself, nested `indent + 1` deep.
    static func spilled(key: String? = nil, to spill: TextSink, indent: Int, first: Bool, _ write: (inout [UInt8]) -> Void) {
        spill.writeUTF8 { out in
            if !first { out.append(contentsOf: ",\n".utf8) }
            OrderedJSON.pad(indent + 1, &out)
            if let key {
                OrderedJSON.writeString(key, to: &out)
                out.append(contentsOf: ": ".utf8)
            }
            write(&out)
        }
    }

    /// Starts an item the caller writes itself, nested `indent + 1` deep.
    mutating func beginItem() { separate() }

    private mutating func separate() {
        sink.write(count == 0 ? open + "\n" + Self.padding(indent + 1) : ",\n" + Self.padding(indent + 1))
        count += 1
    }

    private static func isEmpty(_ value: OrderedJSON) -> Bool {
        switch value {
        case .array(let items): items.isEmpty
        case .object(let members): members.isEmpty
        default: false
        }
    }
}
