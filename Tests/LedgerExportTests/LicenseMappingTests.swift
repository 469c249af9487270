import Foundation
import LedgerCore
@testable import LedgerExport
import Testing

@Suite struct LicenseMappingTests {
    @Test(arguments: [
        ("apache-2.0", SPDXLicense.Term.listed("Apache-2.0")),
        ("odc-by", .listed("ODC-By-1.0")),
        ("odbl", .listed("ODbL-1.0")),
        ("gpl-3.0", .listed("GPL-3.0-only")),
        ("GPL-2.0+", .listed("GPL-2.0+")),
        ("Apache-2.0+", .orLater("Apache-2.0+")),
        ("llama3.1", .reference("LicenseRef-llama3.1")),
        ("openrail++", .reference("LicenseRef-openrail-plus-plus")),
        ("LicenseRef-clinical-dua", .reference("LicenseRef-clinical-dua")),
        ("DocumentRef-spdx:LicenseRef-x", .reference("DocumentRef-spdx:LicenseRef-x")),
    ])
    func identifiersMapToSPDX(id: String, term: SPDXLicense.Term) {
        #expect(SPDXLicense.term(id) == term)
    }

    @Test func compoundExpressionsMapEveryIdentifier() throws {
        let expression = try LicenseExpression(parsing: "(mit or llama3.1) and gpl-2.0-or-later with classpath-exception-2.0")
        #expect(SPDXLicense.mapped(expression).description
            == "(MIT OR LicenseRef-llama3.1) AND GPL-2.0-or-later WITH Classpath-exception-2.0")
    }

    @Test func cycloneDXChoosesIDNameOrExpression() {
        func choice(_ text: String) -> String {
            CycloneDXLicenses.choice(for: text).prettyPrinted.split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        }
        #expect(choice("mit") == #"[{"license": {"id": "MIT","acknowledgement": "declared"}}]"#)
        #expect(choice("gemma") == #"[{"license": {"name": "LicenseRef-gemma","acknowledgement": "declared"}}]"#)
        #expect(choice("Apache-2.0 OR MIT") == #"[{"expression": "Apache-2.0 OR MIT","acknowledgement": "declared"}]"#)
        #expect(choice("Apache-2.0+") == #"[{"expression": "Apache-2.0+","acknowledgement": "declared"}]"#)
        // Not parseable (ledgers validate licenses, but exports must not fail on old records).
        #expect(choice("see README") == #"[{"license": {"name": "see README","acknowledgement": "declared"}}]"#)
    }
}
