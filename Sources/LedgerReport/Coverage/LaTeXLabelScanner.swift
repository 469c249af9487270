/// Reads LaTeX source the way `repro coverage` needs it: commands and braces, nothing more.
/// Comments (`%` not escaped), `comment` environments and verbatim-like environments are
/// skipped, so a label or `\input` commented out is not seen. Pure: text in, scan out.
public enum LaTeXLabelScanner {
    /// Environments whose body is not LaTeX: nothing inside them is a label or an inclusion.
    static let opaqueEnvironments: Set<String> = ["comment", "verbatim", "verbatim*", "Verbatim", "lstlisting", "minted"]
    static let sectioningCommands: Set<String> = [
        "part", "chapter", "section", "subsection", "subsubsection", "paragraph", "subparagraph",
    ]

    public static func scan(_ text: String) -> PaperScan {
        var scanner = Cursor(Array(text.unicodeScalars))
        var scan = PaperScan()
        var stack: [String] = []
        var sectioning: String?
        while let scalar = scanner.peek() {
            switch scalar {
            case "%":
                scanner.skipLine()
            case "\\":
                scanner.advance()
                let line = scanner.line
                let name = scanner.commandName()
                switch name {
                case "begin":
                    guard let environment = scanner.bracedArgument() else { continue }
                    if opaqueEnvironments.contains(environment) {
                        scanner.skip(past: "\\end{\(environment)}")
                    } else if environment != "document" {
                        stack.append(environment)
                    }
                case "end":
                    guard let environment = scanner.bracedArgument() else { continue }
                    if let index = stack.lastIndex(of: environment) { stack.removeSubrange(index...) }
                case "label":
                    guard let label = scanner.bracedArgument() else { continue }
                    let item = PaperScan.Label(name: label, line: line, environments: stack, sectioning: sectioning)
                    scan.labels.append(item)
                    scan.items.append(.label(item))
                case "input", "include":
                    guard let target = scanner.bracedArgument() ?? scanner.bareArgument() else { continue }
                    let item = PaperScan.Inclusion(target: target, line: line, command: name)
                    scan.inclusions.append(item)
                    scan.items.append(.inclusion(item))
                case "verb", "verb*":
                    scanner.skipVerbatimArgument()
                default:
                    if sectioningCommands.contains(name) { sectioning = name }
                }
            default:
                scanner.advance()
            }
        }
        return scan
    }
}

/// A position in the source with its line number.
private struct Cursor {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private(set) var line = 1

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func peek() -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func advance() {
        if scalars[index] == "\n" { line += 1 }
        index += 1
    }

    mutating func skipLine() {
        while let scalar = peek(), scalar != "\n" { advance() }
    }

    /// A command's name after the backslash: letters (plus a trailing `*`), or one other character.
    mutating func commandName() -> String {
        guard let first = peek() else { return "" }
        guard first.properties.isAlphabetic, first.isASCII else {
            advance()
            return String(first)
        }
        var name = ""
        while let scalar = peek(), scalar.isASCII, scalar.properties.isAlphabetic {
            name.unicodeScalars.append(scalar)
            advance()
        }
        if peek() == "*" {
            name += "*"
            advance()
        }
        return name
    }

    /// Skips spaces, comments and an optional `[…]`, then reads `{…}` with nested braces.
    /// Returns nil, consuming nothing that matters, when no brace follows.
    mutating func bracedArgument() -> String? {
        skipSpaceAndComments()
        if peek() == "[" { skipBracketed() }
        skipSpaceAndComments()
        guard peek() == "{" else { return nil }
        advance()
        var depth = 0
        var text = ""
        while let scalar = peek() {
            if scalar == "\\" {
                text.unicodeScalars.append(scalar)
                advance()
                if let escaped = peek() {
                    text.unicodeScalars.append(escaped)
                    advance()
                }
                continue
            }
            if scalar == "%" {
                skipLine()
                continue
            }
            advance()
            if scalar == "{" { depth += 1 }
            if scalar == "}" {
                if depth == 0 { return text }
                depth -= 1
            }
            if scalar != "\n" { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    /// TeX's `\input file`: the name runs to the next space, brace or line end.
    mutating func bareArgument() -> String? {
        while peek() == " " { advance() }
        var text = ""
        while let scalar = peek(), !" \n\t{}%\\".unicodeScalars.contains(scalar) {
            text.unicodeScalars.append(scalar)
            advance()
        }
        return text.isEmpty ? nil : text
    }

    /// `\verb|…|`: skips to the closing delimiter on the same line.
    mutating func skipVerbatimArgument() {
        guard let delimiter = peek(), delimiter != "\n" else { return }
        advance()
        while let scalar = peek(), scalar != delimiter, scalar != "\n" { advance() }
        if peek() == delimiter { advance() }
    }

    mutating func skip(past terminator: String) {
        let target = Array(terminator.unicodeScalars)
        while index < scalars.count {
            if scalars[index] == target[0], index + target.count <= scalars.count,
               Array(scalars[index..<index + target.count]) == target {
                for _ in target { advance() }
                return
            }
            advance()
        }
    }

    private mutating func skipSpaceAndComments() {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\n" { advance() }
            else if scalar == "%" { skipLine() }
            else { return }
        }
    }

    private mutating func skipBracketed() {
        var depth = 0
        while let scalar = peek() {
            advance()
            if scalar == "[" { depth += 1 }
            if scalar == "]" {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }
}
