import Foundation

/// One license's terms, normalized so disclosures and checks can reason about them.
///
/// Built-in licenses are converted from the researched facts shipped as `licenses.json`; a
/// ledger can add its own. What the research could not confirm stays nil or `.unconfirmed`,
/// never guessed, so a disclosure can say "unconfirmed" instead of stating a wrong term.
public struct License: Codable, Hashable, Sendable {
    /// The catalog id (`llama3.1`, `cc-by-nc-4.0`, `mistral-mrl`).
    public var id: String
    public var name: String
    public var version: String?
    public var categories: [LicenseCategory]
    /// The Hugging Face `license:` tag (`llama3.1`, `apache-2.0`, or `other`).
    public var hfTag: String?
    /// Other Hugging Face spellings of this license: `license_name` slugs used with
    /// `license: other` (`mrl`, `qwen`) and tags seen on older repositories.
    public var hfAliases: [String]
    /// The SPDX identifier, or `LicenseRef-<id>` (SPDX's convention) when the license is not
    /// on the SPDX list.
    public var spdxID: String
    public var spdxListed: Bool
    public var osiApproved: Bool
    public var commercialUse: CommercialUse
    public var attribution: Attribution
    public var derivativeNaming: DerivativeNaming
    public var outputTraining: OutputTraining
    public var acceptableUsePolicy: AcceptableUsePolicy
    /// What passing the artifact on requires (license copy, notices, flow-down terms).
    public var redistributionConditions: String?
    /// Set only where the license text forbids passing the weights on; none of the
    /// researched licenses does (they attach conditions instead).
    public var forbidsRedistributionOfWeights: Bool
    public var hubGating: HubGating
    public var geographicRestriction: GeographicRestriction
    public var licenseURL: URL?
    public var notes: String?
    /// Facts the research could not confirm from a primary source, in its own words.
    public var unconfirmed: [String]

    /// Only non-commercial use is licensed (CC BY-NC, Mistral MRL/MNPL, Qwen research).
    public var nonCommercial: Bool { commercialUse == .forbidden }

    /// The official Hugging Face repositories make users request access.
    public var usuallyGated: Bool { hubGating.status == .gated }

    /// Everything but `id` and `name` defaults to "not known", so a ledger can record a
    /// license it knows little about without asserting terms.
    public init(
        id: String,
        name: String,
        version: String? = nil,
        categories: [LicenseCategory] = [],
        hfTag: String? = nil,
        hfAliases: [String] = [],
        spdxID: String? = nil,
        spdxListed: Bool = false,
        osiApproved: Bool = false,
        commercialUse: CommercialUse = .unclear,
        attribution: Attribution = Attribution(required: nil, summary: ""),
        derivativeNaming: DerivativeNaming = DerivativeNaming(required: nil, summary: ""),
        outputTraining: OutputTraining = OutputTraining(permission: .unconfirmed, summary: ""),
        acceptableUsePolicy: AcceptableUsePolicy = AcceptableUsePolicy(attached: nil, summary: ""),
        redistributionConditions: String? = nil,
        forbidsRedistributionOfWeights: Bool = false,
        hubGating: HubGating = HubGating(status: .unconfirmed, summary: ""),
        geographicRestriction: GeographicRestriction = .unconfirmed,
        licenseURL: URL? = nil,
        notes: String? = nil,
        unconfirmed: [String] = []
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.categories = categories
        self.hfTag = hfTag
        self.hfAliases = hfAliases
        self.spdxID = spdxID ?? Self.licenseRef(forID: id)
        self.spdxListed = spdxListed
        self.osiApproved = osiApproved
        self.commercialUse = commercialUse
        self.attribution = attribution
        self.derivativeNaming = derivativeNaming
        self.outputTraining = outputTraining
        self.acceptableUsePolicy = acceptableUsePolicy
        self.redistributionConditions = redistributionConditions
        self.forbidsRedistributionOfWeights = forbidsRedistributionOfWeights
        self.hubGating = hubGating
        self.geographicRestriction = geographicRestriction
        self.licenseURL = licenseURL
        self.notes = notes
        self.unconfirmed = unconfirmed
    }

    /// `LicenseRef-<id>` with the id reduced to SPDX idstring characters: each `+` becomes
    /// `-plus` (`openrail++` → `LicenseRef-openrail-plus-plus`), anything else invalid a `-`.
    public static func licenseRef(forID id: String) -> String {
        var idstring = ""
        for character in id {
            if character == "+" {
                idstring += "-plus"
            } else if character.isASCII, character.isLetter || character.isNumber || character == "." || character == "-" {
                idstring.append(character)
            } else {
                idstring.append("-")
            }
        }
        return "LicenseRef-" + idstring
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, version, categories, hfTag, hfAliases, spdxID, spdxListed, osiApproved
        case commercialUse, attribution, derivativeNaming, outputTraining, acceptableUsePolicy
        case redistributionConditions, forbidsRedistributionOfWeights, hubGating, geographicRestriction
        case licenseURL, notes, unconfirmed
    }

    /// Reads a ledger's license record; absent fields take the same "not known" defaults as
    /// the initializer, so hand-written records only state what their author knows.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys) throws -> T? {
            try container.decodeIfPresent(T.self, forKey: key)
        }
        let defaults = License(
            id: try container.decode(String.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name))
        self = License(
            id: defaults.id,
            name: defaults.name,
            version: try value(.version),
            categories: try value(.categories) ?? defaults.categories,
            hfTag: try value(.hfTag),
            hfAliases: try value(.hfAliases) ?? defaults.hfAliases,
            spdxID: try value(.spdxID),
            spdxListed: try value(.spdxListed) ?? defaults.spdxListed,
            osiApproved: try value(.osiApproved) ?? defaults.osiApproved,
            commercialUse: try value(.commercialUse) ?? defaults.commercialUse,
            attribution: try value(.attribution) ?? defaults.attribution,
            derivativeNaming: try value(.derivativeNaming) ?? defaults.derivativeNaming,
            outputTraining: try value(.outputTraining) ?? defaults.outputTraining,
            acceptableUsePolicy: try value(.acceptableUsePolicy) ?? defaults.acceptableUsePolicy,
            redistributionConditions: try value(.redistributionConditions),
            forbidsRedistributionOfWeights: try value(.forbidsRedistributionOfWeights)
                ?? defaults.forbidsRedistributionOfWeights,
            hubGating: try value(.hubGating) ?? defaults.hubGating,
            geographicRestriction: try value(.geographicRestriction) ?? defaults.geographicRestriction,
            licenseURL: try value(.licenseURL),
            notes: try value(.notes),
            unconfirmed: try value(.unconfirmed) ?? defaults.unconfirmed)
    }
}
