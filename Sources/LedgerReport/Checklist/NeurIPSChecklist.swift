/// The NeurIPS checklist items on assets and open access, answered from the ledger.
enum NeurIPSChecklist {
    static func items(_ facts: ChecklistFacts) -> [ChecklistItem] {
        [licenses(facts), newAssets(facts), openAccess(facts), compute(facts)]
    }

    static func licenses(_ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Licenses for existing assets: are the creators or owners of existing assets credited, "
            + "and are their licenses and terms of use stated and respected?"
        let existing = facts.existing
        guard !existing.isEmpty else {
            return ChecklistItem(id: "licenses", question: question, answer: .notApplicable,
                                 sentences: [[.words("The ledger records no existing assets behind the results.")]])
        }
        let known = existing.filter(facts.licenseKnown)
        let credited = existing.filter { facts.origin($0) != nil }
        var sentences: [Sentence] = []
        if !known.isEmpty {
            sentences.append([.words("The reproducibility statement names the license of \(known.count) of \(existing.count) "
                + "existing assets: ")] + facts.withLicenses(known) + [.words(".")])
        }
        sentences += facts.missingLicenses(existing)
        let uncredited = existing.filter { facts.origin($0) == nil }
        if !uncredited.isEmpty {
            sentences.append([.words("No origin (URL or Hugging Face repository) is recorded for ")] + facts.names(uncredited)
                + [.words(uncredited.count == 1 ? ", so its creators cannot be credited from the ledger."
                    : ", so their creators cannot be credited from the ledger.")])
        }
        let answer: ChecklistAnswer = known.count == existing.count && credited.count == existing.count ? .yes
            : known.isEmpty ? .no : .partial
        return ChecklistItem(id: "licenses", question: question, answer: answer, sentences: sentences)
    }

    static func newAssets(_ facts: ChecklistFacts) -> ChecklistItem {
        let question = "New assets: are new assets introduced in the paper documented, and is the documentation "
            + "provided alongside them?"
        let new = facts.new
        guard !new.isEmpty else {
            return ChecklistItem(id: "new-assets", question: question, answer: .notApplicable,
                                 sentences: [[.words("The experiments in scope record no new model, dataset or code.")]])
        }
        var sentences: [Sentence] = [[.words("The ledger records the digest, lineage and license of each new asset: ")]
            + listed(new.lazy.map { artifact in
                [.text(artifact.name)] + (artifact.derivedFrom.isEmpty ? [] : [.words(" (derived from ")]
                    + listed(artifact.derivedFrom.lazy.map { [.text($0.name)] }) + [.words(")")])
            }) + [.words(".")]]
        sentences += facts.missingLicenses(new)
        let newDigests = Set(new.map(\.digest))
        let lints = facts.analysis.lints.filter { newDigests.contains($0.artifact.digest) }
        for lint in lints {
            sentences.append([.words("The name of "), .text(lint.artifact.name), .words(" does not begin with "),
                              .quoted(lint.license.requiredPrefix ?? ""), .words(", which the "), .text(lint.license.name),
                              .words(" requires of distributed derivatives of "), .text(lint.base.name), .words(".")])
        }
        let answer: ChecklistAnswer = new.allSatisfy(facts.licenseKnown) && lints.isEmpty ? .yes : .partial
        return ChecklistItem(id: "new-assets", question: question, answer: answer, sentences: sentences)
    }

    static func openAccess(_ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Open access to data and code: does the paper give open access to the data and code, with "
            + "instructions sufficient to reproduce the main results?"
        guard !facts.analysis.groups.isEmpty else {
            return ChecklistItem(id: "open-access", question: question, answer: .notApplicable,
                                 sentences: [[.words("No experiments are recorded in the chosen scope.")]])
        }
        let access = AccessFacts(facts)
        var sentences = access.sentences
        sentences.append([.words("Whether the authors release their own code and data is not recorded in the ledger.")])
        let used = facts.existing.filter { $0.role != .produced }
        let answer: ChecklistAnswer = access.isEmpty ? .yes
            : (!used.isEmpty && used.allSatisfy(access.blocked)) ? .no : .partial
        return ChecklistItem(id: "open-access", question: question, answer: answer, sentences: sentences)
    }
}
