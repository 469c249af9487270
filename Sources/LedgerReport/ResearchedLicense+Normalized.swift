import LedgerCore

extension License {
    /// Converts one researched entry into the typed model; throws on any verdict word or
    /// category it does not know, so new research cannot be misread silently.
    init(researched facts: ResearchedLicense) throws(LicenseCatalogError) {
        let id = facts.id
        func failure(_ field: String, _ value: CustomStringConvertible, expected: String) -> LicenseCatalogError {
            .unrecognizedValue(license: id, field: field, value: value.description, expected: expected)
        }
        func confirmed(_ verdict: ResearchedLicense.Verdict, field: String) throws(LicenseCatalogError) -> Bool? {
            switch verdict {
            case .yes: return true
            case .no: return false
            case .word("unconfirmed"): return nil
            case .word: throw failure(field, verdict, expected: "true, false or unconfirmed")
            }
        }

        guard let hub = ResearchProse.huggingFaceTag(in: facts.hfLicenseId) else {
            throw failure("hf_license_id", facts.hfLicenseId, expected: "a tag or 'other + <slug>'")
        }
        let aliases = (hub.aliases + ResearchProse.licenseNameSlugs(in: facts.hfLicenseName))
            .reduce(into: [String]()) { unique, slug in
                if slug != hub.tag, !unique.contains(slug) { unique.append(slug) }
            }

        let namingRequired = try confirmed(facts.derivativeNaming.required, field: "derivative_naming.required")
        self.init(
            id: id,
            name: facts.name,
            version: facts.version.isEmpty ? nil : facts.version,
            categories: try Self.categories(facts.category, license: id),
            hfTag: hub.tag,
            hfAliases: aliases,
            spdxID: try Self.spdxID(facts),
            spdxListed: facts.spdxListed,
            osiApproved: facts.osiApproved,
            commercialUse: try Self.commercialUse(facts.commercialUse, license: id),
            attribution: Attribution(
                required: try confirmed(facts.attribution.required, field: "attribution.required"),
                summary: facts.attribution.summary,
                noticeText: facts.attribution.noticeText),
            derivativeNaming: DerivativeNaming(
                required: namingRequired,
                summary: facts.derivativeNaming.summary,
                requiredPrefix: namingRequired == true
                    ? ResearchProse.requiredNamePrefix(in: facts.derivativeNaming.summary) : nil),
            outputTraining: OutputTraining(
                permission: try Self.outputPermission(facts.outputsTrainOtherModels.allowed, license: id),
                summary: facts.outputsTrainOtherModels.summary),
            acceptableUsePolicy: AcceptableUsePolicy(
                attached: try confirmed(facts.acceptableUsePolicy.attached, field: "acceptable_use_policy.attached"),
                url: ResearchProse.leadingURL(in: facts.acceptableUsePolicy.url),
                summary: facts.acceptableUsePolicy.summary),
            redistributionConditions: facts.redistribution.isEmpty ? nil : facts.redistribution,
            forbidsRedistributionOfWeights: ResearchProse.forbidsRedistribution(in: facts.redistribution),
            hubGating: HubGating(
                status: try Self.gatingStatus(facts.hfGated.value, license: id),
                summary: facts.hfGated.summary),
            geographicRestriction: ResearchProse.geographicRestriction(in: facts.geographicRestrictions),
            licenseURL: ResearchProse.leadingURL(in: facts.licenseUrl),
            notes: facts.notes.isEmpty ? nil : facts.notes,
            unconfirmed: facts.unconfirmed)
    }

    /// `model/data/code` → [.model, .dataset, .code], in declaration order.
    private static func categories(_ text: String, license: String) throws(LicenseCatalogError) -> [LicenseCategory] {
        var found: Set<LicenseCategory> = []
        for word in text.split(separator: "/") {
            switch word {
            case "model": found.insert(.model)
            case "data", "dataset": found.insert(.dataset)
            case "code": found.insert(.code)
            default:
                throw .unrecognizedValue(
                    license: license, field: "category", value: text, expected: "model, data(set) or code joined by /")
            }
        }
        return LicenseCategory.allCases.filter(found.contains)
    }

    /// The listed SPDX id when it is one, else `LicenseRef-<id>`.
    private static func spdxID(_ facts: ResearchedLicense) throws(LicenseCatalogError) -> String {
        guard facts.spdxListed else { return licenseRef(forID: facts.id) }
        guard let listed = facts.spdxId, (try? LicenseExpression(parsing: listed)) == .license(listed) else {
            throw .unrecognizedValue(
                license: facts.id, field: "spdx_id", value: facts.spdxId ?? "null",
                expected: "a single SPDX license identifier when spdx_listed is true")
        }
        return listed
    }

    private static func commercialUse(
        _ permission: ResearchedLicense.Permission, license: String
    ) throws(LicenseCatalogError) -> CommercialUse {
        switch permission.allowed {
        case .yes: return .allowed
        case .no: return .forbidden
        case .word("restricted"):
            return .restricted(
                summary: permission.summary,
                userCap: ResearchProse.monthlyActiveUserCap(in: permission.summary))
        case .word("unconfirmed"): return .unclear
        case .word(let word):
            throw .unrecognizedValue(
                license: license, field: "commercial_use.allowed", value: word,
                expected: "true, false, restricted or unconfirmed")
        }
    }

    private static func outputPermission(
        _ verdict: ResearchedLicense.Verdict, license: String
    ) throws(LicenseCatalogError) -> OutputTraining.Permission {
        switch verdict {
        case .yes: return .allowed
        case .no: return .forbidden
        case .word("conditional"): return .conditional
        case .word("not_addressed"): return .notAddressed
        case .word("unconfirmed"): return .unconfirmed
        case .word(let word):
            throw .unrecognizedValue(
                license: license, field: "outputs_train_other_models.allowed", value: word,
                expected: "true, false, conditional, not_addressed or unconfirmed")
        }
    }

    private static func gatingStatus(
        _ verdict: ResearchedLicense.Verdict, license: String
    ) throws(LicenseCatalogError) -> HubGating.Status {
        switch verdict {
        case .yes: return .gated
        case .no: return .notGated
        case .word("varies"): return .variesByRepository
        case .word("unconfirmed"): return .unconfirmed
        case .word(let word):
            throw .unrecognizedValue(
                license: license, field: "hf_gated.value", value: word,
                expected: "true, false, varies or unconfirmed")
        }
    }
}
