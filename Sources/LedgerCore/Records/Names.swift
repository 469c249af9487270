/// Checks the names researchers give ledgers, artifacts and experiments.
///
/// Artifact and experiment names are data: records are files named by digest, and
/// exports, citation keys and LaTeX macros derive their own safe spellings, so a name
/// may hold any printable text, `/` and `\` included (`meta-llama/Llama-3.1-8B`).
/// Only what cannot be seen or told apart is refused: control and invisible characters,
/// white space at either end, over-long names. Ledger names become folder names under
/// `ledgers/`, so they keep a folder-safe alphabet.
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
        if let scalar = name.unicodeScalars.first(where: { unseen($0) != nil }), let what = unseen(scalar) {
            throw reject("it contains \(what) (\(codePoint(scalar)))")
        }
        if name != name.trimmingWhitespace() { throw reject("it starts or ends with white space") }
        guard role == .ledger else { return name }
        if name == "." || name == ".." || name.contains("..") { throw reject("it contains \"..\"") }
        if name.hasPrefix(".") || name.hasPrefix("-") { throw reject("it starts with \"\(name.first!)\"") }
        if !name.unicodeScalars.allSatisfy({ allowedInLedger($0) }) {
            throw reject("ledger names may hold only letters, digits, \".\", \"_\" and \"-\"")
        }
        return name
    }

    /// What makes a scalar unfit for a name, or nil when it prints.
    static func unseen(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.properties.generalCategory {
        case .control: return "a control character"
        case .format: return "an invisible character"
        case .lineSeparator, .paragraphSeparator: return "a line break"
        case .unassigned where scalar.properties.isNoncharacterCodePoint: return "a noncharacter"
        default: return nil
        }
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
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
