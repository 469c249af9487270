/// CycloneDX `properties` entries under the `repro:` namespace, for facts the schema has no
/// field for (availability, ledger, code state).
struct CycloneDXProperties {
    private(set) var items: [OrderedJSON] = []

    mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        items.append(.object {
            $0.add("name", "repro:" + name)
            $0.add("value", value)
        })
    }

    var json: OrderedJSON { .array(items) }
}
