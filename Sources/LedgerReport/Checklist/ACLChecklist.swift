import Algorithms
import LedgerCore

/// The ACL Responsible NLP checklist items on limitations (A1) and scientific artifacts
/// (B1–B5), answered from the ledger. Where the ledger cannot know the answer (personal
/// information, domain coverage), the answer says so instead of guessing.
enum ACLChecklist {
    static func items(_ facts: ChecklistFacts) -> [ChecklistItem] {
        [limitations(facts), citation(facts), licenses(facts), intendedUse(facts), personalData(facts), documentation(facts)]
    }

    static func limitations(_ facts: ChecklistFacts) -> ChecklistItem {
        let count = facts.analysis.limitationCount
        // Each kind once before it is worded: a whole ledger has some hundred thousand limitations.
        let kinds = facts.limitations.lazy.filter { !$0.kind.isMitigation }.map(\.kind).uniqued().map(\.phrase)
        var sentences: [Sentence] = [count == 0
            ? [.words("The ledger records no reproducibility limitation for the results in scope.")]
            : [.words("The reproducibility statement discloses \(count) limitation\(count == 1 ? "" : "s") ("
                + kinds.joined(separator: ", ") + ").")]]
        sentences.append([.words("Limitations of the method itself are outside the ledger.")])
        return ChecklistItem(id: "A1", question: "Did you discuss the limitations of your work?",
                             answer: .partial, sentences: sentences)
    }

    static func citation(_ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Did you cite the creators of the artifacts you used?"
        let existing = facts.existing
        guard !existing.isEmpty else { return none("B1", question) }
        let credited = existing.filter { facts.origin($0) != nil }
        var sentences: [Sentence] = []
        if !credited.isEmpty {
            sentences.append([.words("The ledger records where each artifact came from: ")]
                + listed(credited.lazy.map { [.text($0.name), .words(" (")] + facts.origin($0)! + [.words(")")] })
                + [.words("; the citations themselves are for the authors to add.")])
        }
        let uncredited = existing.filter { facts.origin($0) == nil }
        if !uncredited.isEmpty {
            sentences.append([.words("No origin is recorded for ")] + facts.names(uncredited) + [.words(".")])
        }
        return ChecklistItem(id: "B1", question: question, answer: grade(credited.count, of: existing.count),
                             sentences: sentences)
    }

    static func licenses(_ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Did you discuss the license or terms for use and/or distribution of the artifacts?"
        let artifacts = facts.existing + facts.new
        guard !artifacts.isEmpty else { return none("B2", question) }
        let known = artifacts.filter(facts.licenseKnown)
        var sentences: [Sentence] = []
        if !known.isEmpty {
            sentences.append([.words("The reproducibility statement states the license terms of ")] + facts.withLicenses(known)
                + [.words(".")])
        }
        sentences += facts.missingLicenses(artifacts)
        return ChecklistItem(id: "B2", question: question, answer: grade(known.count, of: artifacts.count), sentences: sentences)
    }

    static func intendedUse(_ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Did you discuss whether your use of existing artifacts was consistent with their intended use?"
        let existing = facts.existing
        guard !existing.isEmpty else { return none("B3", question) }
        let known = existing.filter(facts.licenseKnown)
        guard !known.isEmpty else {
            return ChecklistItem(id: "B3", question: question, answer: .no, sentences: facts.missingLicenses(existing))
        }
        var terms: [Sentence] = []
        for (kind, words) in [(LimitationKind.nonCommercial, "non-commercial use only"),
                              (.redistributionForbidden, "no redistribution"),
                              (.usageCap, "a usage cap")] {
            let existing = Set(facts.existing.map(\.digest))
            let subjects = Array(facts.limitations(kind).compactMap(\.artifact).uniqued()).filter { existing.contains($0.digest) }
            if !subjects.isEmpty {
                terms.append([.words(words + " (")] + listed(subjects.lazy.map { [.text($0.name)] }) + [.words(")")])
            }
        }
        var sentences: [Sentence] = terms.isEmpty
            ? [[.words("The recorded licenses state no use restriction beyond attribution and naming duties.")]]
            : [[.words("The statement discloses the use restrictions of the licenses: ")] + listed(terms) + [.words(".")]]
        sentences += facts.missingLicenses(existing)
        sentences.append([.words("Whether the use was consistent with them is for the authors to state.")])
        return ChecklistItem(id: "B3", question: question, answer: .partial, sentences: sentences)
    }

    static func personalData(_ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Did you discuss whether the data contains personally identifying information or offensive "
            + "content, and the steps taken to protect or anonymize it?"
        let datasets = (facts.existing + facts.new).filter { $0.kind == .dataset }
        guard !datasets.isEmpty else { return none("B4", question) }
        var sentences: [Sentence] = [[.words("The ledger does not record whether ")] + facts.names(datasets)
            + [.words((datasets.count == 1 ? " contains" : " contain")
                + " personal information; the steps taken are for the authors to describe.")]]
        for dataset in datasets where dataset.availability?.status == .private {
            sentences.append([.words("The dataset "), .text(dataset.name), .words(" is recorded as private as of "
                + ProseFormatting.date(dataset.availability?.date ?? "") + ".")])
        }
        return ChecklistItem(id: "B4", question: question, answer: .no, sentences: sentences)
    }

    static func documentation(_ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Did you provide documentation of the artifacts (domains, languages, linguistic phenomena, "
            + "demographic groups)?"
        guard !facts.analysis.artifacts.isEmpty else { return none("B5", question) }
        return ChecklistItem(id: "B5", question: question, answer: .partial, sentences: [
            [.words("The appendix documents the digest, origin, license, availability and lineage of "
                + "\(facts.analysis.artifacts.count) artifacts; the ledger does not record domains, languages or "
                + "demographic coverage.")],
        ])
    }

    private static func grade(_ count: Int, of total: Int) -> ChecklistAnswer {
        count == total ? .yes : count == 0 ? .no : .partial
    }

    private static func none(_ id: String, _ question: String) -> ChecklistItem {
        ChecklistItem(id: id, question: question, answer: .notApplicable,
                      sentences: [[.words("The ledger records no artifacts behind the results in scope.")]])
    }
}
