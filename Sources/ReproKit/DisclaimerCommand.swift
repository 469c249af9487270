import Foundation
import LedgerCore
import LedgerReport
import SystemPackage

/// Everything `repro disclaimer` needs, as typed on the command line.
public struct DisclaimerRequest: Sendable {
    public var scope = DisclosureScopeRequest()
    public var format = DisclosureFormat.text
    /// LaTeX only: the CLI refuses it with another format; other formats ignore it.
    public var macros = false
    public var appendix = false
    /// The paper's `.aux` file, for its table and figure numbers.
    public var aux: FilePath?

    public init() {}
}

/// The statement and the analysis behind it; lint errors make the command exit 1.
public struct DisclaimerOutcome: Sendable {
    public var text: String
    public var analysis: DisclosureAnalysis

    public var lints: [DisclosureLint] { analysis.lints }
}

extension Workspace {
    public func disclaimer(_ request: DisclaimerRequest) throws -> DisclaimerOutcome {
        let numbers = try request.aux.map { try PaperReader.labelNumbers(aux: $0.string, displayedAs: $0.string) } ?? LabelNumbers()
        let analysis = try disclosureAnalysis(request.scope)
        // The analysis's working state (the facts, their caches) is freed by now.
        ProcessMemory.giveBackFreedPages()
        let text = Statement.render(analysis, format: request.format, options: StatementOptions(
            appendix: request.appendix, macros: request.macros, labelNumbers: numbers))
        return DisclaimerOutcome(text: text, analysis: analysis)
    }
}

extension TextReport {
    /// One stderr line per lint error; a name's control characters are escaped, so a
    /// co-author's record cannot move the cursor or recolour the terminal.
    public static func lint(_ lint: DisclosureLint) -> String {
        TerminalText.controlsEscaped("lint error [\(lint.rule.rawValue)]: \(lint.message)")
    }
}
