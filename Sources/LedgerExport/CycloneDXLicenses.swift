import LedgerCore

/// A recorded license as a CycloneDX 1.6 license choice.
///
/// A single SPDX-listed license becomes `{"license": {"id"}}`; a single license the SPDX list
/// lacks (`llama3.1`, a data-use agreement) becomes `{"license": {"name": "LicenseRef-…"}}`,
/// the same token SPDX documents use; anything compound (AND, OR, WITH, `+`) is one
/// `{"expression"}` whose identifiers are mapped the same way, so it is valid SPDX.
enum CycloneDXLicenses {
    static func choice(for recorded: String) -> OrderedJSON {
        guard let expression = try? LicenseExpression(parsing: recorded) else {
            return .array([license(key: "name", value: recorded)])
        }
        if case .license(let id) = expression {
            switch SPDXLicense.term(id) {
            case .listed(let spdx): return .array([license(key: "id", value: spdx)])
            case .reference(let reference): return .array([license(key: "name", value: reference)])
            case .orLater: break
            }
        }
        return .array([.object {
            $0.add("expression", SPDXLicense.mapped(expression).description)
            $0.add("acknowledgement", "declared")
        }])
    }

    /// `declared`: the license the source states, not one concluded by analysis.
    private static func license(key: String, value: String) -> OrderedJSON {
        .object {
            $0.add("license", .object {
                $0.add(key, value)
                $0.add("acknowledgement", "declared")
            })
        }
    }
}
