/// A value's fields behind one immutable box, so copies of the value are a pointer (a
/// limitation's evidence, an artifact's description, the events and licenses they cite:
/// hundreds of thousands of copies in a whole-ledger statement). Compared, hashed and coded as the fields themselves; a change
/// makes a new box.
struct SharedFields<Fields: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) { box = Box(fields) }

    var fields: Fields {
        get { box.fields }
        set { box = Box(newValue) }
    }

    init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }

    func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }

    static func == (lhs: SharedFields, rhs: SharedFields) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }
}
