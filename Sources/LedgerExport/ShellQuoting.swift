/// Writes an argv as one POSIX shell line, so a recorded command can be pasted and re-run.
enum ShellQuoting {
    static func line(_ arguments: [String]) -> String {
        arguments.map(quoted).joined(separator: " ")
    }

    /// Plain words stay bare; anything else is single-quoted with `'` written as `'\''`.
    static func quoted(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                || "_@%+=:,./-".unicodeScalars.contains($0))
        }
        guard !plain else { return argument }
        var out = "'"
        for character in argument {
            out += character == "'" ? "'\\''" : String(character)
        }
        return out + "'"
    }
}
