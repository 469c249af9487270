import Foundation
import LedgerCore
@testable import LedgerExport
import Testing

@Suite struct ExportSupportTests {
    @Test func invalidOptionsSayWhatToWrite() throws {
        #expect(throws: ExportError.invalidTimestamp("2026-01-01 00:00:00")) {
            try CycloneDXExporter(options: ExportOptions(timestamp: "2026-01-01 00:00:00"))
        }
        #expect(ExportError.invalidTimestamp("x").category == .badInput)
        #expect(ExportOptions.isUTCTimestamp("2024-02-29T23:59:59Z"))
        #expect(!ExportOptions.isUTCTimestamp("2024-02-29T24:00:00Z"))
        #expect(!ExportOptions.isUTCTimestamp("2023-02-29T00:00:00Z"))
    }

    @Test func locationsBecomeValidURIs() {
        #expect(IRI.escaping("https://example.org/a b/{x}|\"ü\"?q=100%#frag#more")
            == "https://example.org/a%20b/%7Bx%7D%7C%22%C3%BC%22?q=100%25#frag%23more")
        #expect(IRI.escaping("https://example.org/already%20encoded") == "https://example.org/already%20encoded")
        #expect(IRI.escaping("http://[::1]:8080/a[1]") == "http://[::1]:8080/a%5B1%5D")
    }

    @Test func huggingFaceURLsPinTheRevision() {
        #expect(SourceLocation.huggingFaceURL(repo: "org/model", revision: "main", kind: .checkpoint)
            == "https://huggingface.co/org/model/tree/main")
        #expect(SourceLocation.huggingFaceURL(repo: "org/data", revision: "abc", kind: .dataset)
            == "https://huggingface.co/datasets/org/data/tree/abc")
        #expect(SourceLocation.huggingFaceURL(repo: "datasets/org/data", revision: "abc", kind: .dataset)
            == "https://huggingface.co/datasets/org/data/tree/abc")
    }

    /// BibTeX fields use the statement's escaper: names are spelled as in the statement, braces
    /// as commands BibTeX does not count.
    @Test func latexEscapingCoversEverySpecialCharacter() {
        #expect(LaTeX.escape(#"{ } % # & _ ~ ^ \ $ < > | " ` -- ''"#, in: .bibTeXField)
            == ##"\textbraceleft{} \textbraceright{} \% \# \& \_ \textasciitilde{} \textasciicircum{} \textbackslash{} \$ "##
            + #"\textless{} \textgreater{} \textbar{} \textquotedblleft{} \textquoteleft{} -{}- \textquoteleft{}\textquoteright{}"#)
        #expect(LaTeX.escape("Café naïve Łódź ß – 中", in: .bibTeXField)
            == #"Caf\'{e} na\"{\i}ve \L{}\'{o}d\'{z} \ss{} \textendash{} \texttt{[U+4E2D]}"#)
    }

    @Test func jsonIsIndentedAndMinimallyEscaped() {
        let value = OrderedJSON.object {
            $0.add("b", "quote \" slash \\ tab \t bell \u{07} é")
            $0.add("a", .array([.integer(1), .bool(false)]))
            $0.add("skipped", OrderedJSON.array([]))
            $0.add("absent", String?.none)
        }
        #expect(value.prettyPrinted == """
            {
              "b": "quote \\" slash \\\\ tab \\t bell \\u0007 é",
              "a": [
                1,
                false
              ]
            }

            """)
    }

    @Test func contentUUIDsAreVersion8AndStable() {
        let uuid = ContentUUID.make(from: ["a", "b"])
        #expect(uuid == ContentUUID.make(from: ["a", "b"]))
        #expect(uuid != ContentUUID.make(from: ["a", "c"]))
        #expect(uuid.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
    }
}
