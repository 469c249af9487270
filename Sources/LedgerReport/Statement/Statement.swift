import Foundation

/// Renders a disclosure analysis. Output depends only on the analysis and the options (no
/// clock, no locale, no environment), so the same ledger gives the same bytes.
public enum Statement {
    public static func render(_ analysis: DisclosureAnalysis, format: DisclosureFormat,
                              options: StatementOptions = StatementOptions()) -> String {
        switch format {
        case .latex:
            options.macros ? LaTeXMacros(analysis, appendix: options.appendix, numbers: options.labelNumbers).render()
                : LaTeXStatement(analysis, numbers: options.labelNumbers).render(appendix: options.appendix)
        case .markdown: MarkdownStatement(analysis, numbers: options.labelNumbers).render(appendix: options.appendix)
        case .text: TextStatement(analysis, numbers: options.labelNumbers).render(appendix: options.appendix)
        case .json: json(analysis)
        }
    }

    /// Sorted keys, unescaped slashes, trailing newline: the style of every `--json`.
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            // Only strings, integers, booleans and arrays of them: encoding cannot fail.
            preconditionFailure("encoding \(T.self) failed: \(error)")
        }
    }
}
