import LedgerCore

/// Which licenses of a recorded expression bind a user to a term.
///
/// `A AND B` binds to every term of either license; `A OR B` lets the user choose, so a term
/// binds only when both alternatives impose it. An identifier the catalog does not know
/// imposes nothing that can be stated, and is reported as unknown unless an `OR`
/// alternative avoids it.
struct LicenseTerms {
    let expression: LicenseExpression
    let catalog: LicenseCatalog

    /// The licenses imposing `term` whichever alternative is chosen, each once, in reading order.
    func imposing(_ term: (License) -> Bool) -> [License] {
        var seen: Set<String> = []
        return (binding(expression) { $0.map(term) ?? false } ?? [])
            .compactMap(known)
            .filter { seen.insert($0.id.lowercased()).inserted }
    }

    /// Identifiers that no license defines and that no `OR` alternative avoids. The catalog's
    /// `other` entry (Hugging Face's tag for "a custom license") counts as unknown.
    var unknownIDs: [String] {
        var seen: Set<String> = []
        return (binding(expression) { $0 == nil } ?? []).filter { seen.insert($0).inserted }
    }

    /// The license an identifier names; nil when unknown or merely "other".
    private func known(_ id: String) -> License? {
        guard let license = catalog.license(for: id), license.id.lowercased() != "other" else { return nil }
        return license
    }

    /// The identifiers under which `test` holds for the expression, or nil when it does not.
    private func binding(_ node: LicenseExpression, _ test: (License?) -> Bool) -> [String]? {
        switch node {
        case .license(let id), .with(let id, _):
            return test(known(id)) ? [id] : nil
        case .and(let left, let right):
            let (l, r) = (binding(left, test), binding(right, test))
            return l == nil && r == nil ? nil : (l ?? []) + (r ?? [])
        case .or(let left, let right):
            guard let l = binding(left, test), let r = binding(right, test) else { return nil }
            return l + r
        }
    }
}
