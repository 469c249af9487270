import Foundation
import LedgerCore
import LedgerReport
import Testing

/// Eight tables and figures on five artifacts: the statement groups sections that read the
/// same artifacts, states each artifact's terms once, leaves the failed run out of the
/// results, and classes every section.
@Suite struct SharedArtifactsStatementTests {
    let analysis: DisclosureAnalysis
    init() throws { analysis = try SharedArtifactsFixture().analysis() }

    static func words(_ text: String) -> Int { text.split(whereSeparator: { $0.isWhitespace }).count }

    @Test func goldens() throws {
        let appendix = StatementOptions(appendix: true)
        try Golden.check(Statement.render(analysis, format: .text, options: appendix), "shared-statement.txt")
        try Golden.check(Statement.render(analysis, format: .markdown, options: appendix), "shared-statement.md")
        try Golden.check(Statement.render(analysis, format: .latex, options: appendix), "shared-statement.tex")
        try Golden.check(Statement.render(analysis, format: .latex, options: StatementOptions(appendix: true, macros: true)),
                         "shared-statement-macros.tex")
        try Golden.check(Statement.render(analysis, format: .json), "shared-analysis.json")
        try Golden.check(Checklist(analysis, venue: .aaai).render(.text), "shared-checklist-aaai.txt")
        try Golden.check(Checklist(analysis, venue: .aaai).render(.json), "shared-checklist-aaai.json")
    }

    @Test func wordCounts() throws {
        let text = Statement.render(analysis, format: .text)
        #expect(Self.words(text) == 374)
        // The Llama license's terms once; the fine-tune under it refers back.
        #expect(text.components(separatedBy: "Community License").count - 1 == 2)
        #expect(text.components(separatedBy: "monthly active users").count - 1 == 1)
        // The eighth section reads only artifacts already stated: a few words more.
        let seven = Statement.render(try SharedArtifactsFixture(sectionCount: 7).analysis(), format: .text)
        #expect(Self.words(text) - Self.words(seven) == 2)
    }

    @Test func failedRunsAreNotResults() throws {
        let text = Statement.render(analysis, format: .text).replacingOccurrences(of: "\n", with: " ")
        #expect(!text.contains("ft-lr2e-5, ft-lr1e-3"))
        #expect(text.contains("(experiments ft-main, ft-lr2e-5, ft-loss, and ft-steps) depend on"))
        #expect(text.contains("The failed run of experiment ft-lr1e-3 is not counted among these results."))
    }

    @Test func everySectionIsClassed() {
        let classes = Dictionary(uniqueKeysWithValues: analysis.groups.map { ($0.section ?? "", $0.reproducibility.class) })
        #expect(classes == [
            "tab:main": .notReproducible, "tab:lr": .notReproducible, "fig:loss": .notReproducible, "tab:steps": .notReproducible,
            "tab:gemma": .accessRequired, "fig:gemma-curve": .accessRequired,
            "tab:clinical": .notReproducible, "fig:errors": .notReproducible,
        ])
        let clinical = analysis.groups.first { $0.section == "tab:clinical" }!
        #expect(clinical.reproducibility.decidedBy?.name == "ward-notes")
        #expect(clinical.reproducibility.reason == .privateData)
        let failed = analysis.groups.flatMap(\.experiments).first { $0.name == "ft-lr1e-3" }!
        #expect(failed.outcome == .failed)
        #expect(failed.reproducibility.class == .notReproducible)
    }
}

/// The grouped statement with its appendix fits the line in every class: no overfull box
/// over 1 pt, no underfull line, no overfull vbox.
@Suite struct SharedArtifactsCompileTests {
    @Test(arguments: LaTeXSetting.allCases)
    func statementAndAppendixFit(setting: LaTeXSetting) async throws {
        let body = Statement.render(try SharedArtifactsFixture().analysis(), format: .latex,
                                    options: StatementOptions(appendix: true))
        let output = try await LaTeXCompiler().compile(body, in: setting)
        #expect(LaTeXCompiler.badBoxes(in: output.log) == [], "\(setting)")
        output.discard()
    }
}
