import Foundation
import LedgerCore
import LedgerReport
import Testing

@Suite struct LicenseLookupTests {
    let catalog = LicenseCatalog.builtIn

    @Test(arguments: [
        ("llama3.1", "llama3.1"),
        ("LLAMA3.1", "llama3.1"),
        ("  llama3 \n", "llama3"),
        ("LicenseRef-llama3.1", "llama3.1"),
        ("licenseref-openrail-plus-plus", "openrail++"),
        ("openrail++", "openrail++"),
        ("Apache-2.0", "apache-2.0"),
        ("apache-2.0", "apache-2.0"),
        ("MIT", "mit"),
        ("mistral-apache-2.0", "mistral-apache-2.0"),
        ("deepseek-r1-mit", "deepseek-r1-mit"),
        ("other", "other"),
        ("unknown", "other"),
        ("mrl", "mistral-mrl"),
        ("MNPL", "mistral-mnpl"),
        ("qwen", "qwen"),
        ("tongyi-qianwen", "qwen-tongyi-qianwen"),
        ("tongyi-qianwen-license-agreement", "qwen-tongyi-qianwen"),
        ("gemma-terms-of-use", "gemma"),
        ("falcon-180b-tii-license-1.0", "falcon-180b-tii"),
        ("odc-by", "odc-by-1.0"),
        ("ODC-By-1.0", "odc-by-1.0"),
        ("odbl", "odbl-1.0"),
        ("CC-BY-4.0+", "cc-by-4.0"),
        ("openrail+++", "openrail++"),
    ])
    func resolvesIDsSPDXTagsAndAliases(spelling: String, id: String) {
        #expect(catalog.license(for: spelling)?.id == id)
    }

    @Test(arguments: ["", "   ", "GPL-2.0-only", "llama5", "LicenseRef-acme", "GPL-2.0+", "DocumentRef-x:LicenseRef-llama3.1"])
    func unknownSpellingsResolveToNil(spelling: String) {
        #expect(catalog.license(for: spelling) == nil)
    }

    @Test func resolvesEveryLeafOfAnExpression() throws {
        let expression = try LicenseExpression(parsing: "(llama3.1 OR Apache-2.0) AND LicenseRef-acme AND cc-by-nc-4.0")
        #expect(catalog.resolve(expression).map { $0?.id } == ["llama3.1", "apache-2.0", nil, "cc-by-nc-4.0"])
        let exception = try LicenseExpression(parsing: "GPL-2.0-only WITH Classpath-exception-2.0 OR MIT")
        #expect(catalog.resolve(exception).map { $0?.id } == [nil, "mit"])
    }

    @Test func ledgerLicensesDecodeFromMinimalJSONWithUnknownDefaults() throws {
        let json = #"{"id": "acme-research", "name": "ACME Research License", "commercialUse": {"status": "forbidden"}}"#
        let license = try JSONDecoder().decode(License.self, from: Data(json.utf8))
        #expect(license.spdxID == "LicenseRef-acme-research")
        #expect(!license.spdxListed && !license.osiApproved)
        #expect(license.nonCommercial)
        #expect(license.attribution.required == nil)
        #expect(license.outputTraining.permission == .unconfirmed)
        #expect(license.hubGating.status == .unconfirmed)
        #expect(license.geographicRestriction == .unconfirmed)

        let extended = catalog.adding([license])
        #expect(extended.licenses.count == catalog.licenses.count + 1)
        #expect(extended.license(for: "LicenseRef-acme-research") == license)
        #expect(extended.license(for: "ACME-RESEARCH") == license)
        #expect(catalog.license(for: "acme-research") == nil, "adding returns a new catalog")
    }

    @Test func addedLicensesReplaceBuiltInsWithTheSameIDInPlace() throws {
        var corrected = try #require(catalog.license(for: "qwen"))
        corrected.unconfirmed = []
        corrected.geographicRestriction = .unrestricted
        let extended = catalog.adding([corrected])
        #expect(extended.licenses.count == catalog.licenses.count)
        #expect(extended.licenses.firstIndex { $0.id == "qwen" } == catalog.licenses.firstIndex { $0.id == "qwen" })
        #expect(extended.license(for: "qwen") == corrected)
    }

    @Test func sharedSpellingsPreferTheGenericEntryThenTheNewestLicense() {
        let customApache = License(id: "acme-apache", name: "ACME weights (Apache-2.0)", hfTag: "apache-2.0",
                                   spdxID: "Apache-2.0", spdxListed: true, osiApproved: true)
        let first = License(id: "lab-a", name: "Lab A terms", hfTag: "other", hfAliases: ["lab-terms"])
        let second = License(id: "lab-b", name: "Lab B terms", hfTag: "other", hfAliases: ["lab-terms"])
        let extended = catalog.adding([customApache, first, second])
        #expect(extended.license(for: "Apache-2.0")?.id == "apache-2.0")
        #expect(extended.license(for: "other")?.id == "other")
        #expect(extended.license(for: "lab-terms")?.id == "lab-b")
    }

    @Test func licenseRefsUseSPDXIdstringCharacters() {
        #expect(License.licenseRef(forID: "openrail++") == "LicenseRef-openrail-plus-plus")
        #expect(License.licenseRef(forID: "llama3.1") == "LicenseRef-llama3.1")
        #expect(License.licenseRef(forID: "my lab/ü") == "LicenseRef-my-lab--")
    }
}
