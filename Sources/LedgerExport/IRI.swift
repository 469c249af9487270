/// Percent-encoding that turns recorded text into a valid URI reference (RFC 3986), so
/// schema validators, PROV tools and LaTeX `\url` accept every location a user typed.
enum IRI {
    /// Encodes what a URI cannot hold (spaces, controls, non-ASCII, `"<>\^`{|}`, a `%` not
    /// starting an escape, `[` `]` outside the host, a second `#`) and keeps the rest as typed.
    static func escaping(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let authority = authorityRange(of: scalars)
        var seenFragment = false
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            let keep: Bool
            switch scalar {
            case "%":
                keep = index + 2 < scalars.count && isHex(scalars[index + 1]) && isHex(scalars[index + 2])
            case "[", "]":
                keep = authority.contains(index)
            case "#":
                keep = !seenFragment
                seenFragment = true
            default:
                keep = scalar.value > 0x20 && scalar.value < 0x7f && !"\"<>\\^`{|}".unicodeScalars.contains(scalar)
            }
            if keep {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { out.append(percentEncoded(byte)) }
            }
        }
        return out
    }

    /// Where `[` and `]` may appear: the host part after `scheme://` (IPv6 literals).
    private static func authorityRange(of scalars: [Unicode.Scalar]) -> Range<Int> {
        guard let marker = scalars.indices.first(where: {
            $0 + 2 < scalars.count && scalars[$0] == ":" && scalars[$0 + 1] == "/" && scalars[$0 + 2] == "/"
        }) else { return 0..<0 }
        var end = marker + 3
        while end < scalars.count, !"/?#".unicodeScalars.contains(scalars[end]) { end += 1 }
        return (marker + 3)..<end
    }

    private static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isASCIIHexDigit
    }

    private static func percentEncoded(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
    }
}
