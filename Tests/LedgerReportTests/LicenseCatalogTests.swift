import Foundation
import LedgerCore
import LedgerReport
import Testing

@Suite struct LicenseCatalogTests {
    let catalog = LicenseCatalog.builtIn

    /// Every researched entry, normalized: id | SPDX | HF tag | HF aliases | commercial use |
    /// name prefix | gating | geography | outputs may train other models.
    static let normalized = [
        "llama2 | LicenseRef-llama2 | llama2 | - | restricted 700000000 | - | gated | unrestricted | forbidden",
        "llama3 | LicenseRef-llama3 | llama3 | - | restricted 700000000 | Llama 3 | gated | unrestricted | forbidden",
        "llama3.1 | LicenseRef-llama3.1 | llama3.1 | - | restricted 700000000 | Llama | gated | unrestricted | conditional",
        "llama3.2 | LicenseRef-llama3.2 | llama3.2 | - | restricted 700000000 | Llama | gated | restricted | conditional",
        "llama3.3 | LicenseRef-llama3.3 | llama3.3 | - | restricted 700000000 | Llama | gated | restricted | conditional",
        "llama4 | LicenseRef-llama4 | llama4 | - | restricted 700000000 | Llama | gated | restricted | conditional",
        "gemma | LicenseRef-gemma | gemma | gemma-terms-of-use | allowed | - | gated | unrestricted | conditional",
        "mistral-apache-2.0 | Apache-2.0 | apache-2.0 | - | allowed | - | variesByRepository | unrestricted | allowed",
        "mistral-mrl | LicenseRef-mistral-mrl | other | mrl | forbidden | - | gated | unrestricted | conditional",
        "mistral-mnpl | LicenseRef-mistral-mnpl | other | mnpl | forbidden | - | gated | unconfirmed | unconfirmed",
        "qwen-tongyi-qianwen | LicenseRef-qwen-tongyi-qianwen | other | tongyi-qianwen-license-agreement,tongyi-qianwen | restricted 100000000 | - | unconfirmed | unrestricted | forbidden",
        "qwen | LicenseRef-qwen | other | qwen | restricted 100000000 | - | unconfirmed | unconfirmed | conditional",
        "qwen-research | LicenseRef-qwen-research | other | qwen-research | forbidden | - | unconfirmed | unrestricted | forbidden",
        "deepseek | LicenseRef-deepseek | other | deepseek | allowed | - | unconfirmed | unrestricted | conditional",
        "deepseek-r1-mit | MIT | mit | - | allowed | - | unconfirmed | unrestricted | allowed",
        "falcon-180b-tii | LicenseRef-falcon-180b-tii | other | falcon-180b-tii-license-1.0 | restricted | - | gated | unrestricted | conditional",
        "tii-falcon-license-2.0 | LicenseRef-tii-falcon-license-2.0 | other | falcon-llm-license | unclear | - | unconfirmed | unconfirmed | unconfirmed",
        "stabilityai-community | LicenseRef-stabilityai-community | other | stabilityai-ai-community | restricted | - | gated | unrestricted | forbidden",
        "creativeml-openrail-m | LicenseRef-creativeml-openrail-m | creativeml-openrail-m | - | allowed | - | variesByRepository | unrestricted | conditional",
        "bigscience-openrail-m | LicenseRef-bigscience-openrail-m | bigscience-openrail-m | - | allowed | - | variesByRepository | unrestricted | conditional",
        "openrail++ | LicenseRef-openrail-plus-plus | openrail++ | - | allowed | - | unconfirmed | unrestricted | conditional",
        "apache-2.0 | Apache-2.0 | apache-2.0 | - | allowed | - | variesByRepository | unrestricted | allowed",
        "mit | MIT | mit | - | allowed | - | variesByRepository | unrestricted | allowed",
        "cc-by-4.0 | CC-BY-4.0 | cc-by-4.0 | - | allowed | - | variesByRepository | unrestricted | notAddressed",
        "cc-by-sa-4.0 | CC-BY-SA-4.0 | cc-by-sa-4.0 | - | allowed | - | variesByRepository | unrestricted | notAddressed",
        "cc-by-nc-4.0 | CC-BY-NC-4.0 | cc-by-nc-4.0 | - | forbidden | - | variesByRepository | unrestricted | notAddressed",
        "cc-by-nc-sa-4.0 | CC-BY-NC-SA-4.0 | cc-by-nc-sa-4.0 | - | forbidden | - | variesByRepository | unrestricted | notAddressed",
        "odc-by-1.0 | ODC-By-1.0 | odc-by | - | allowed | - | variesByRepository | unrestricted | notAddressed",
        "odbl-1.0 | ODbL-1.0 | odbl | - | allowed | - | variesByRepository | unrestricted | notAddressed",
        "cc0-1.0 | CC0-1.0 | cc0-1.0 | - | allowed | - | variesByRepository | unrestricted | allowed",
        "other | LicenseRef-other | other | unknown | unclear | - | variesByRepository | unconfirmed | unconfirmed",
    ]

    private static func row(_ license: License) -> String {
        let commercial = switch license.commercialUse {
        case .allowed: "allowed"
        case .forbidden: "forbidden"
        case .unclear: "unclear"
        case .restricted(_, let cap): "restricted" + (cap.map { " \($0)" } ?? "")
        }
        let geography = switch license.geographicRestriction {
        case .unrestricted: "unrestricted"
        case .restricted: "restricted"
        case .unconfirmed: "unconfirmed"
        }
        return [
            license.id, license.spdxID, license.hfTag ?? "-",
            license.hfAliases.isEmpty ? "-" : license.hfAliases.joined(separator: ","),
            commercial, license.derivativeNaming.requiredPrefix ?? "-", license.hubGating.status.rawValue,
            geography, license.outputTraining.permission.rawValue,
        ].joined(separator: " | ")
    }

    @Test func everyResearchedEntryLoadsAndNormalizes() {
        #expect(catalog.licenses.count == 31)
        #expect(catalog.licenses.map(Self.row) == Self.normalized)
    }

    @Test func everyEntryIsSelfConsistent() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for license in catalog.licenses {
            #expect(!license.name.isEmpty, "\(license.id)")
            #expect(try LicenseExpression(parsing: license.spdxID) == .license(license.spdxID), "\(license.id)")
            #expect(license.spdxListed == !license.spdxID.hasPrefix("LicenseRef-"), "\(license.id)")
            #expect(catalog.license(for: license.id) == license)
            #expect(catalog.license(for: license.spdxID) != nil, "\(license.id)")
            #expect(license.licenseURL != nil || license.id == "other", "\(license.id)")
            #expect(license.forbidsRedistributionOfWeights == false, "\(license.id)")
            #expect(license.nonCommercial == (license.commercialUse == .forbidden))
            let decoded = try JSONDecoder().decode(License.self, from: try encoder.encode(license))
            #expect(decoded == license, "\(license.id) survives a JSON round trip")
        }
    }

    @Test func llama31IsRestrictedAt700MillionUsersAndNamesDerivativesLlama() throws {
        let llama = try #require(catalog.license(for: "llama3.1"))
        #expect(llama.name == "Llama 3.1 Community License Agreement")
        #expect(llama.version == "Llama 3.1 Version Release Date: July 23, 2024")
        #expect(llama.categories == [.model])
        #expect(llama.hfTag == "llama3.1")
        #expect(llama.spdxID == "LicenseRef-llama3.1")
        #expect(!llama.spdxListed && !llama.osiApproved)
        guard case .restricted(let summary, let cap) = llama.commercialUse else {
            Issue.record("llama3.1 commercial use is \(llama.commercialUse)")
            return
        }
        #expect(cap == 700_000_000)
        #expect(summary.hasPrefix("Royalty-free commercial use allowed except licensees"))
        #expect(!llama.nonCommercial)
        #expect(llama.derivativeNaming.required == true)
        #expect(llama.derivativeNaming.requiredPrefix == "Llama")
        #expect(llama.attribution.required == true)
        #expect(llama.attribution.summary.contains("'Built with Llama'"))
        #expect(llama.attribution.noticeText
            == "Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.")
        #expect(llama.outputTraining.permission == .conditional)
        #expect(llama.acceptableUsePolicy.attached == true)
        #expect(llama.acceptableUsePolicy.url == URL(string: "https://llama.meta.com/llama3_1/use-policy"))
        #expect(llama.usuallyGated)
        #expect(llama.geographicRestriction == .unrestricted)
        #expect(llama.licenseURL
            == URL(string: "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE"))
    }

    @Test func llama3NamesDerivativesLlama3AndLlama32WithholdsMultimodalRightsInTheEU() throws {
        let llama3 = try #require(catalog.license(for: "llama3"))
        #expect(llama3.derivativeNaming.requiredPrefix == "Llama 3")
        #expect(llama3.outputTraining.permission == .forbidden)
        let llama2 = try #require(catalog.license(for: "llama2"))
        #expect(llama2.derivativeNaming == DerivativeNaming(
            required: false,
            summary: "No model-naming requirement; no trademark license granted (only reasonable/customary use "
                + "in describing and redistributing).",
            requiredPrefix: nil))
        #expect(llama2.commercialUse.userCap == 700_000_000)
        let llama32 = try #require(catalog.license(for: "llama3.2"))
        guard case .restricted(let clause) = llama32.geographicRestriction else {
            Issue.record("llama3.2 geography is \(llama32.geographicRestriction)")
            return
        }
        #expect(clause.contains("European Union"))
    }

    @Test func gemmaAllowsCommercialUseUnderItsProhibitedUsePolicy() throws {
        let gemma = try #require(catalog.license(for: "gemma"))
        #expect(gemma.name == "Gemma Terms of Use (+ Gemma Prohibited Use Policy)")
        #expect(gemma.hfTag == "gemma")
        #expect(gemma.hfAliases == ["gemma-terms-of-use"])
        #expect(gemma.spdxID == "LicenseRef-gemma")
        #expect(gemma.commercialUse == .allowed)
        #expect(gemma.derivativeNaming.required == false)
        #expect(gemma.derivativeNaming.requiredPrefix == nil)
        #expect(gemma.attribution.noticeText
            == "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms")
        #expect(gemma.acceptableUsePolicy.url == URL(string: "https://ai.google.dev/gemma/prohibited_use_policy"))
        #expect(gemma.outputTraining.permission == .conditional)
        #expect(gemma.hubGating.status == .gated)
        #expect(gemma.unconfirmed.count == 2)
    }

    @Test func ccByNCIsNonCommercial() throws {
        let license = try #require(catalog.license(for: "CC-BY-NC-4.0"))
        #expect(license.id == "cc-by-nc-4.0")
        #expect(license.spdxID == "CC-BY-NC-4.0")
        #expect(license.spdxListed && !license.osiApproved)
        #expect(license.commercialUse == .forbidden)
        #expect(license.nonCommercial)
        #expect(license.categories == [.model, .dataset])
        #expect(license.outputTraining.permission == .notAddressed)
        #expect(license.hubGating.status == .variesByRepository)
        #expect(!license.usuallyGated)
        let nonCommercial = catalog.licenses.filter(\.nonCommercial).map(\.id)
        #expect(nonCommercial == ["mistral-mrl", "mistral-mnpl", "qwen-research", "cc-by-nc-4.0", "cc-by-nc-sa-4.0"])
    }

    @Test func apacheIsOSIApprovedAndUnrestricted() throws {
        let apache = try #require(catalog.license(for: "apache-2.0"))
        #expect(apache.name == "Apache License 2.0")
        #expect(apache.spdxID == "Apache-2.0")
        #expect(apache.spdxListed && apache.osiApproved)
        #expect(apache.categories == [.model, .dataset, .code])
        #expect(apache.commercialUse == .allowed)
        #expect(apache.acceptableUsePolicy == AcceptableUsePolicy(attached: false, url: nil, summary: "None."))
        #expect(apache.outputTraining == OutputTraining(permission: .allowed, summary: "Not restricted by the license."))
        #expect(apache.geographicRestriction == .unrestricted)
        #expect(catalog.licenses.filter(\.osiApproved).map(\.id) == ["mistral-apache-2.0", "deepseek-r1-mit", "apache-2.0", "mit"])
    }

    @Test func odcByIsADatasetLicenseWithAProducedWorkNotice() throws {
        let odc = try #require(catalog.license(for: "odc-by"))
        #expect(odc.id == "odc-by-1.0")
        #expect(odc.name == "Open Data Commons Attribution License v1.0 (ODC-By)")
        #expect(odc.version == "1.0")
        #expect(odc.categories == [.dataset])
        #expect(odc.hfTag == "odc-by")
        #expect(odc.spdxID == "ODC-By-1.0")
        #expect(odc.spdxListed && !odc.osiApproved)
        #expect(odc.commercialUse == .allowed)
        #expect(odc.attribution.required == true)
        #expect(odc.attribution.noticeText?.contains("made available under the ODC Attribution License") == true)
        #expect(odc.redistributionConditions == "Keep license copy/URI and notices; no share-alike.")
        #expect(odc.licenseURL == URL(string: "https://opendatacommons.org/licenses/by/1-0/"))
        #expect(odc.notes?.hasPrefix("Example dataset: allenai/c4") == true)
    }

    @Test func unconfirmedFactsStayUnconfirmed() throws {
        let falcon2 = try #require(catalog.license(for: "falcon-llm-license"))
        #expect(falcon2.id == "tii-falcon-license-2.0")
        #expect(falcon2.commercialUse == .unclear)
        #expect(falcon2.attribution.required == nil)
        #expect(falcon2.derivativeNaming.required == nil)
        #expect(falcon2.acceptableUsePolicy.url
            == URL(string: "https://falconllm-staging.tii.ae/falcon-2-acceptable-use-policy.html"))
        let falcon180 = try #require(catalog.license(for: "falcon-180b-tii"))
        guard case .restricted(let summary, nil) = falcon180.commercialUse else {
            Issue.record("falcon-180b-tii commercial use is \(falcon180.commercialUse)")
            return
        }
        #expect(summary.contains("Hosting Use"))
        let stability = try #require(catalog.license(for: "stabilityai-ai-community"))
        #expect(stability.commercialUse.userCap == nil, "its cap is on revenue, not users")
    }
}
