/// Names printed in text output (file names, record names, paths) come from disk and from
/// other people's records: escaped the way GNU `ls -b` does, a name can neither inject a
/// line nor a colour escape. JSON output is never escaped this way (JSON has its own).
public enum TerminalText {
    /// `\` → `\\`, newline → `\n`, tab → `\t`, every other C0 control, DEL, C1 control and
    /// bidirectional control → backslash and three octal digits per UTF-8 byte (`\033`,
    /// `\177`, `\302\233`, `\342\200\256`).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where needsEscape(scalar):
                for byte in String(scalar).utf8 { out += "\\" + octal(byte) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text composed from names already `escaped`: only control characters are escaped (a
    /// backslash is kept), so no control character reaches the terminal and an escaped name
    /// is not escaped twice (`a\nb` stays `a\nb`, not `a\\nb`).
    public static func controlsEscaped(_ text: String) -> String {
        guard hasControls(text) else { return text }
        return text.unicodeScalars.map { $0 == "\\" ? "\\" : escaped(String($0)) }.joined()
    }

    /// Bytes that need not be UTF-8 (a POSIX file name): valid UTF-8 is escaped as above,
    /// every byte that is not part of it as backslash and three octal digits, as `ls -b`
    /// prints it (`caf\351`).
    public static func escaped(bytes: [UInt8]) -> String {
        var out = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                out += escaped(String(Unicode.UTF8.decode(encoded)))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] { out += "\\" + octal(byte) }
                offset += length
            case .emptyInput:
                return out
            }
        }
    }

    /// Whether `text` holds a character `controlsEscaped` escapes. ASCII is judged on its
    /// bytes: a disclaimer prints thousands of lint lines, and walking their scalars was most of it.
    private static func hasControls(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if byte >= 0x80 { return text.unicodeScalars.contains { $0 != "\\" && needsEscape($0) } }
        }
        return false
    }

    /// True when `escaped` changes the text.
    public static func needsEscaping(_ text: String) -> Bool { text.unicodeScalars.contains(where: needsEscape) }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\\"
            || isBidiControl(scalar)
    }

    /// Marks and overrides that reorder what follows them on screen (U+202E makes
    /// `gnp.exe` read as `exe.png`): a note or a command can hold one, and the terminal
    /// must show it, not obey it.
    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func octal(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 8)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }
}
