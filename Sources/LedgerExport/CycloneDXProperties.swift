/// CycloneDX `properties` entries under the `repro:` namespace, for facts the schema has no
/// field for (availability, ledger, code state).
struct CycloneDXProperties {
    /// Names with their namespace, and the values given (absent ones are never added).
    private var entries: [(name: String, value: String)] = []

    mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        entries.append(("repro:" + name, value))
    }

    var json: OrderedJSON {
        .array(entries.map { entry in .object { $0.add("name", entry.name); $0.add("value", entry.value) } })
    }

    /// The `properties` member, straight to bytes as `json` would be written; left out when empty.
    func write(into json: inout JSONWriter, _ out: inout [UInt8]) {
        guard !entries.isEmpty else { return }
        json.key("properties", &out)
        json.openArray(&out)
        for entry in entries {
            json.item(&out)
            json.openObject(&out)
            json.member("name", entry.name, &out)
            json.member("value", entry.value, &out)
            json.closeObject(&out)
        }
        json.closeArray(&out)
    }
}
