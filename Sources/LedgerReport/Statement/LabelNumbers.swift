/// What the paper numbers each `\label` (`tab:main` → `2`), read from the `.aux` file its
/// last pdflatex run wrote. With it, text and Markdown can say "Table 2" and every format can
/// give consecutive tables as a range; without it they print the labels as written.
public struct LabelNumbers: Hashable, Sendable {
    private var numbers: [String: String] = [:]
    /// `\@input{chapter.aux}` lines: the aux files of `\include`d parts, read by the caller.
    public private(set) var inputs: [String] = []

    /// A number is at most this long and holds no TeX control characters; anything else
    /// (a macro, a brace) is left out rather than printed.
    static let maximumNumberLength = 16

    public init() {}

    /// Reads `\newlabel{LABEL}{{NUMBER}…}` and `\@input{FILE}` lines; other lines are ignored.
    public init(aux: String) {
        for line in aux.split(whereSeparator: \.isNewline) {
            if let input = Self.argument(of: #"\@input{"#, in: line) {
                inputs.append(input)
            } else if let label = Self.argument(of: #"\newlabel{"#, in: line) {
                let rest = line.dropFirst(#"\newlabel{"#.count + label.utf8.count + 1)
                guard rest.hasPrefix("{{"), let number = Self.argument(of: "{{", in: rest), Self.isPlain(number) else { continue }
                if numbers[label] == nil { numbers[label] = number }
            }
        }
    }

    /// The number the paper prints for `label`, if the aux file gave a plain one.
    public subscript(label: String) -> String? { numbers[label] }

    public var isEmpty: Bool { numbers.isEmpty }

    /// Adds the labels of an `\include`d part's aux file; a label already known keeps its number.
    public mutating func merge(_ other: LabelNumbers) {
        numbers.merge(other.numbers) { first, _ in first }
    }

    /// The text between `prefix` at the start of `line` and the next `}` (no nested braces).
    private static func argument(of prefix: String, in line: Substring) -> String? {
        guard line.hasPrefix(prefix) else { return nil }
        let rest = line.dropFirst(prefix.count)
        guard let close = rest.firstIndex(of: "}") else { return nil }
        let value = rest[..<close]
        return value.isEmpty || value.contains("{") ? nil : String(value)
    }

    private static func isPlain(_ number: String) -> Bool {
        number.count <= maximumNumberLength
            && number.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-".contains($0)) }
    }

    /// `labels` in the paper's order, in runs of consecutive numbers (`1, 2, 3` in one run, `5`
    /// in the next); a label with the number of one before it is left out (the paper prints
    /// the same number twice); labels without a number keep their order after the numbered
    /// ones, one per run.
    public func runs(_ labels: [String]) -> [[String]] {
        let numbered = labels.filter { self[$0] != nil }
            .sorted { Self.order(self[$0]!, before: self[$1]!) }
        var runs: [[String]] = []
        for label in numbered where runs.last?.last.map({ self[$0] != self[label] }) ?? true {
            if let last = runs.last?.last, Self.follows(self[label]!, self[last]!) {
                runs[runs.count - 1].append(label)
            } else {
                runs.append([label])
            }
        }
        return runs + labels.filter { self[$0] == nil }.map { [$0] }
    }

    /// `3.2` follows `3.1`, `B` follows `A`? No: only a last numeric part one greater, with the
    /// same prefix, counts as consecutive.
    private static func follows(_ number: String, _ previous: String) -> Bool {
        let (prefix, last) = split(number)
        let (previousPrefix, previousLast) = split(previous)
        guard let last, let previousLast else { return false }
        return prefix == previousPrefix && last == previousLast + 1
    }

    /// `A.12` → (`A.`, 12); `3` → (``, 3); `IV` → (`IV`, nil).
    private static func split(_ number: String) -> (String, Int?) {
        let digits = number.reversed().prefix { $0.isNumber }
        guard !digits.isEmpty, let value = Int(String(digits.reversed())) else { return (number, nil) }
        return (String(number.dropLast(digits.count)), value)
    }

    /// Parts between dots compared as numbers where both are (`2` before `10`, `A.2` before
    /// `A.10`, `3.1` before `10.1`), as text otherwise.
    private static func order(_ left: String, before right: String) -> Bool {
        let leftParts = left.split(separator: ".", omittingEmptySubsequences: false)
        let rightParts = right.split(separator: ".", omittingEmptySubsequences: false)
        for (l, r) in zip(leftParts, rightParts) where l != r {
            if let l = Int(l), let r = Int(r) { return l < r }
            return l < r
        }
        return leftParts.count < rightParts.count
    }
}
