import Foundation

/// LaTeX command names derived from ledger names: letters only (TeX control words cannot
/// hold digits or punctuation), deterministic, and unique within one file.
///
/// Words are capitalized and joined (`llama-base` → `LlamaBase`), digits are spelled
/// (`3.1` → `ThreeOne`), accents are dropped (`Ü` → `U`, `ß` → `ss`), other scripts are skipped; a name
/// left empty becomes `Unnamed`. A second name that derives to the same letters gets
/// `Two`, `Three`, … appended.
struct MacroNames {
    private var used: Set<String> = []

    /// A fresh command name `prefix + words(parts)`, unique among those given out before.
    mutating func make(_ prefix: String, _ parts: String...) -> String {
        let base = prefix + parts.map(Self.letters).joined()
        var candidate = base
        var counter = 1
        while !used.insert(candidate).inserted {
            counter += 1
            candidate = base + Self.spelled(counter)
        }
        return candidate
    }

    /// Claims a fixed name so derived names never collide with it.
    mutating func reserve(_ name: String) { used.insert(name) }

    static func letters(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        func finish() {
            if !current.isEmpty { words.append(current.prefix(1).uppercased() + current.dropFirst()) }
            current = ""
        }
        let spelled = text.map { transliterated[$0] ?? String($0) }.joined()
        for scalar in spelled.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic {
                current.unicodeScalars.append(scalar)
            } else if scalar.isASCII, let digit = Int(String(scalar)) {
                finish()
                words.append(digits[digit])
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                finish()
            }
        }
        finish()
        return words.isEmpty ? "Unnamed" : words.joined()
    }

    static func spelled(_ number: Int) -> String {
        String(number).compactMap { Int(String($0)) }.map { digits[$0] }.joined()
    }

    /// Latin letters that do not decompose to an ASCII letter plus accents.
    private static let transliterated: [Character: String] = [
        "ß": "ss", "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L",
        "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i",
    ]

    private static let digits = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"]
}
