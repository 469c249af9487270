/// Checks the names researchers give ledgers, artifacts and experiments.
///
/// Ledger names become folder names, so nothing may let a path escape `ledgers/`;
/// artifact and experiment names follow the same rule so they can be used
/// anywhere a ledger name can (file names of exports, LaTeX macro names).
public enum Names {
    public enum Role: String, Sendable {
        case ledger, artifact, experiment
    }

    public static let maximumLength = 200

    /// Returns the name unchanged or throws `LedgerError.invalidName` saying what is wrong.
    @discardableResult
    public static func validate(_ name: String, as role: Role) throws(LedgerError) -> String {
        func reject(_ reason: String) -> LedgerError { .invalidName(name: name, role: role.rawValue, reason: reason) }
        if name.isEmpty { throw reject("it is empty") }
        if name.utf8.count > maximumLength { throw reject("it is longer than \(maximumLength) bytes") }
        if name.contains("/") || name.contains("\\") { throw reject("it contains a slash") }
        if name == "." || name == ".." || name.contains("..") { throw reject("it contains \"..\"") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f || (0x80..<0xa0).contains($0.value) }) {
            throw reject("it contains a NUL or control character")
        }
        if name.hasPrefix(".") || name.hasPrefix("-") { throw reject("it starts with \"\(name.first!)\"") }
        if name != name.trimmingWhitespace() { throw reject("it starts or ends with white space") }
        if role == .ledger, !name.unicodeScalars.allSatisfy({ allowedInLedger($0) }) {
            throw reject("ledger names may hold only letters, digits, \".\", \"_\" and \"-\"")
        }
        return name
    }

    private static func allowedInLedger(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": return true
        default: return false
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
