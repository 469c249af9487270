import Foundation
import LedgerReport
import Testing

@Suite struct LicenseCatalogLoadingTests {
    static let entry = """
        {"id": "x", "name": "X License", "version": "", "category": "model", "hf_license_id": "x",
         "hf_license_name": null, "spdx_id": null, "spdx_listed": false, "osi_approved": false,
         "commercial_use": {"allowed": COMMERCIAL, "summary": "Up to 2,500,000 monthly active users."},
         "attribution": {"required": false, "summary": "", "notice_text": null},
         "derivative_naming": {"required": false, "summary": ""},
         "outputs_train_other_models": {"allowed": true, "summary": ""},
         "acceptable_use_policy": {"attached": false, "url": null, "summary": ""},
         "redistribution": "You may not redistribute the weights.", "hf_gated": {"value": false, "summary": ""},
         "term_termination": "", "geographic_restrictions": "None.", "governing_law": "",
         "license_url": null, "notes": "", "unconfirmed": [], "sources": []}
        """

    private static func catalog(commercial: String, copies: Int = 1) throws(LicenseCatalogError) -> LicenseCatalog {
        let entries = Array(repeating: entry.replacingOccurrences(of: "COMMERCIAL", with: commercial), count: copies)
        return try LicenseCatalog(researchedFacts: Data(("[" + entries.joined(separator: ",") + "]").utf8))
    }

    @Test func convertsAMinimalEntry() throws {
        let license = try #require(try Self.catalog(commercial: #""restricted""#).license(for: "x"))
        #expect(license.commercialUse == .restricted(summary: "Up to 2,500,000 monthly active users.", userCap: 2_500_000))
        #expect(license.forbidsRedistributionOfWeights)
        #expect(license.hubGating.status == .notGated)
        #expect(license.version == nil)
    }

    @Test func unknownVerdictWordsAreRejectedByName() {
        #expect(throws: LicenseCatalogError.unrecognizedValue(
            license: "x", field: "commercial_use.allowed", value: "sometimes",
            expected: "true, false, restricted or unconfirmed")) {
            try Self.catalog(commercial: #""sometimes""#)
        }
        let message = LicenseCatalogError.unrecognizedValue(
            license: "x", field: "commercial_use.allowed", value: "sometimes",
            expected: "true, false, restricted or unconfirmed").description
        #expect(message == #"license x: commercial_use.allowed is "sometimes"; expected true, false, restricted "#
            + "or unconfirmed. Update the normalizer in ResearchedLicense+Normalized.swift if the research added a new value")
    }

    @Test func duplicateAndMalformedFactsAreRejected() {
        #expect(throws: LicenseCatalogError.duplicateID("x")) {
            try Self.catalog(commercial: "true", copies: 2)
        }
        #expect(throws: LicenseCatalogError.malformed(
            reason: "[0].commercial_use.allowed: Expected to decode String but found number instead.")) {
            try Self.catalog(commercial: "3")
        }
    }
}
