import Foundation
import LedgerReport
import Testing

/// The statement, its appendix, its macros and the checklists compile with pdflatex in every
/// harness setting, also when every name is hostile. A failed compile fails the test and
/// shows the log's error lines.
@Suite struct StatementCompileTests {
    static func analysis(hostile: Bool) throws -> DisclosureAnalysis {
        var fixture = DisclosureFixture()
        if hostile { fixture.names = DisclosureFixture.hostile }
        return try fixture.analysis(DisclosureOptions(verification: [DisclosureFixture.c4: false]))
    }

    /// Every command a macros file defines.
    static func macroNames(_ macros: String) -> [String] {
        macros.matches(of: /\\newcommand\{\\([A-Za-z]+)\}/).map { String($0.1) }
    }

    @Test(arguments: LaTeXSetting.allCases, [false, true])
    func statementAndAppendixCompile(setting: LaTeXSetting, hostile: Bool) async throws {
        let body = Statement.render(try Self.analysis(hostile: hostile), format: .latex,
                                    options: StatementOptions(appendix: true))
        let output = try await LaTeXCompiler().compile(body, in: setting)
        #expect(!output.log.contains("(/etc/passwd"))
        if !hostile {
            #expect(LaTeXCompiler.badBoxes(in: output.log) == [], "\(setting)")
        }
        output.discard()
    }

    @Test(arguments: LaTeXSetting.allCases, [false, true])
    func macrosWorkFromThePreamble(setting: LaTeXSetting, hostile: Bool) async throws {
        let macros = Statement.render(try Self.analysis(hostile: hostile), format: .latex,
                                      options: StatementOptions(appendix: true, macros: true))
        let names = Self.macroNames(macros)
        let body = names.map { "\\" + $0 }.joined(separator: "\n\n")
        let output = try await LaTeXCompiler().compile(body, in: setting, preamble: macros)
        output.discard()
    }

    @Test(arguments: LaTeXSetting.allCases, ChecklistVenue.allCases)
    func checklistsCompile(setting: LaTeXSetting, venue: ChecklistVenue) async throws {
        let body = Checklist(try Self.analysis(hostile: true), venue: venue).render(.latex)
        let output = try await LaTeXCompiler().compile(body, in: setting)
        output.discard()
    }

    @Test func macroNamesAreLettersOnlyUniqueAndStable() throws {
        let macros = Statement.render(try Self.analysis(hostile: false), format: .latex,
                                      options: StatementOptions(appendix: true, macros: true))
        let names = Self.macroNames(macros)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isLetter } })
        #expect(Set(names).count == names.count)
        #expect(names.starts(with: ["reproLimitationCount", "reproDigestLlamaThreeOneEightB", "reproDigestCFourEn"]))
        #expect(names.contains("reproLimitLlamaThreeOneEightBWithdrawn"))
        #expect(names.contains("reproLimitAblationNotesCode"))
        #expect(names.suffix(2) == ["reproStatement", "reproAppendix"])
        #expect(macros.contains(#"\newcommand{\reproLimitationCount}{26}"#))
    }

    @Test func hostileNamesGiveDistinctLetterOnlyMacroNames() throws {
        let names = Self.macroNames(Statement.render(try Self.analysis(hostile: true), format: .latex,
                                                     options: StatementOptions(macros: true)))
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isLetter } })
        #expect(names[1...7] == [
            "reproDigestLlamaThreeOneEightBXTwoOneZeroZeroOneTildeUnderOpt",
            "reproDigestUnicodeStrasseAeroskobingLodzDvorakNguyenQue",
            "reproDigestTokenizerWithAVeryLongUnbrokenNameThatKeepsGoingWithoutAnySpacesZeroOneTwoThreeFourFiveSixSevenEightNine",
            "reproDigestAcmeEndDocumentFt",
            "reproDigestUnnamed",
            "reproDigestAsOfQuoteLow",
            "reproDigestTabHereNewLineNulBidi",
        ])
    }

    @Test func clashingNamesAreNumberedInWords() throws {
        var fixture = DisclosureFixture()
        fixture.names.c4 = "llama 3.1 8b"
        fixture.names.tokenizer = "Llama_3_1_8B"
        let names = Self.macroNames(Statement.render(try fixture.analysis(), format: .latex,
                                                     options: StatementOptions(macros: true)))
        #expect(names[1...3] == ["reproDigestLlamaThreeOneEightB", "reproDigestLlamaThreeOneEightBTwo",
                                 "reproDigestLlamaThreeOneEightBThree"])
    }
}
