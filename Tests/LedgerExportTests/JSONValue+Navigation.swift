import Foundation
import LedgerCore

/// Reading exported JSON in assertions without casting `Any`.
extension JSONValue {
    init(parsing text: String) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    var items: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    var keys: [String] {
        if case .object(let members) = self { return members.keys.sorted() }
        return []
    }

    subscript(index: Int) -> JSONValue? {
        items.indices.contains(index) ? items[index] : nil
    }

    /// The `repro:` property values named `name`, in order.
    func properties(_ name: String) -> [String] {
        (self["properties"]?.items ?? []).filter { $0["name"]?.stringValue == "repro:" + name }
            .compactMap { $0["value"]?.stringValue }
    }
}
