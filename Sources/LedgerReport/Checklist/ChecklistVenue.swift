/// The venues whose checklist items `repro checklist` answers.
public enum ChecklistVenue: String, CaseIterable, Codable, Hashable, Sendable {
    /// The NeurIPS paper checklist: licenses of existing assets, new assets, open access.
    case neurips
    /// The ACL Responsible NLP checklist: limitations (A) and scientific artifacts (B).
    case acl
    /// The AAAI reproducibility checklist: datasets, code, compute and experimental setup.
    case aaai

    /// Where the items come from; the wording is paraphrased, so the official form rules.
    var source: String {
        switch self {
        case .neurips: "the NeurIPS paper checklist"
        case .acl: "the ACL Responsible NLP Research checklist"
        case .aaai: "the AAAI reproducibility checklist"
        }
    }
}

/// An answer as the checklists accept them.
public enum ChecklistAnswer: String, Codable, Hashable, Sendable {
    case yes = "Yes"
    case no = "No"
    case partial = "Partial"
    case notApplicable = "NA"
    /// The ledger cannot answer it: the item is listed so the form is complete.
    case byAuthors = "authors"

    /// How text, Markdown and LaTeX print the answer.
    var label: String { self == .byAuthors ? "to be answered by the authors" : rawValue }
}
