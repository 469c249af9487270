/// Dates and counts the way a paper writes them, without locale or clock.
public enum ProseFormatting {
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    /// `2025-07-23` → `23 July 2025`; anything else is returned as is.
    static func date(_ day: String) -> String {
        let parts = day.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let date = Int(parts[2]),
              (1...12).contains(month) else { return day }
        return "\(date) \(months[month - 1]) \(year)"
    }

    /// 700_000_000 → `700 million`, 1_500 → `1,500`.
    public static func count(_ value: Int) -> String {
        for (scale, word) in [(1_000_000_000, "billion"), (1_000_000, "million")] where value >= scale && value % (scale / 10) == 0 {
            let tenths = value / (scale / 10)
            return (tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)") + " " + word
        }
        var digits = String(value)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        return ([digits] + groups).joined(separator: ",")
    }

    /// "the model", "the dataset": how a sentence refers back to an artifact of this kind.
    static func noun(_ kind: String?) -> String {
        switch kind {
        case "checkpoint": "the model"
        case "dataset": "the dataset"
        case "tokenizer": "the tokenizer"
        case "config": "the configuration"
        case "code": "the code"
        case "result": "the result"
        default: "the artifact"
        }
    }

    /// The word a label prefix stands for (`tab:` → Table); nil for prefixes whose meaning
    /// cannot be known, which are then quoted rather than guessed.
    static func labelWord(_ label: String) -> String? {
        guard let colon = label.firstIndex(of: ":") else { return nil }
        return switch label[..<colon].lowercased() {
        case "tab", "table": "Table"
        case "fig", "figure": "Figure"
        case "sec", "section", "subsec", "ssec": "Section"
        case "app", "appendix", "apx": "Appendix"
        case "alg", "algorithm": "Algorithm"
        case "lst", "listing": "Listing"
        case "eq", "equation": "Equation"
        default: nil
        }
    }

    /// "Tables", "Appendices".
    static func plural(_ word: String) -> String {
        word == "Appendix" ? "Appendices" : word + "s"
    }

    /// Labels `\ref` can take safely: letters, digits and `: . - _ /`.
    static func isReferable(_ label: String) -> Bool {
        !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ":.-_/".contains($0)) }
    }
}
