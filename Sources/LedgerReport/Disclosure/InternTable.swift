/// Values stored once each, numbered in the order first stored: the columns of a `RunTable`
/// hold these numbers instead of repeating a digest or a name in every run.
struct InternTable<Value: Hashable> {
    private(set) var values: [Value] = []
    private var ids: [Value: Int32] = [:]

    /// The number of `value`, stored now if it is new.
    mutating func id(_ value: Value) -> Int32 {
        if let known = ids[value] { return known }
        let id = Int32(values.count)
        values.append(value)
        ids[value] = id
        return id
    }
}
