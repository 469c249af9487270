import LedgerCore

/// The AAAI reproducibility checklist. The ledger answers the items on datasets, their
/// licenses and availability, code state and runs, citing the records; the items on
/// exposition, theory and analysis are listed for the authors so the form is complete.
enum AAAIChecklist {
    static func items(_ facts: ChecklistFacts) -> [ChecklistItem] {
        let authors: [(String, String)] = [
            ("G1", "Does the paper include a conceptual outline or pseudocode of the AI methods it introduces?"),
            ("G2", "Does the paper clearly delineate opinions, hypotheses and speculation from objective facts and results?"),
            ("G3", "Does the paper provide well-marked pedagogical references for less-familiar readers?"),
            ("T1", "Does the paper make theoretical contributions, with assumptions, proofs and sketches stated?"),
        ]
        // Every answer citing the runs shares one list of them (and of the completed ones).
        let runs = Runs(facts)
        var items = authors.map(byAuthors)
        items += datasets(facts, runs: runs)
        items += code(facts, runs: runs)
        items += experiments(facts, runs: runs)
        return items
    }

    /// The experiments in scope, and those of them that completed (the same list when all did).
    struct Runs {
        let all: [DisclosedExperiment]
        let completed: [DisclosedExperiment]

        init(_ facts: ChecklistFacts) {
            all = facts.analysis.groups.flatMap(\.experiments)
            completed = all.contains { $0.outcome.endedEarly } ? all.filter { !$0.outcome.endedEarly } : all
        }
    }

    private static func byAuthors(_ item: (id: String, question: String)) -> ChecklistItem {
        ChecklistItem(id: item.id, question: item.question, answer: .byAuthors,
                      sentences: [[.words("The ledger does not record this.")]])
    }

    // MARK: Datasets

    static func datasets(_ facts: ChecklistFacts, runs: Runs) -> [ChecklistItem] {
        let existing = facts.existing.filter { $0.kind == .dataset }
        let new = facts.new.filter { $0.kind == .dataset }
        let all = existing + new
        let relies = "Does the paper rely on one or more datasets?"
        guard !all.isEmpty else {
            let none = ChecklistItem(id: "D1", question: relies, answer: .no,
                                     sentences: [[.words("No experiment in scope records a dataset among its inputs or outputs.")]],
                                     records: CitedRecords(experiments: runs.all))
            return [none]
        }
        var items = [ChecklistItem(id: "D1", question: relies, answer: .yes,
                                   sentences: [[.words(all.count == 1 ? "The ledger records the dataset " : "The ledger records the datasets ")]
                                       + facts.names(all) + [.words(".")]],
                                   records: CitedRecords(artifacts: all))]
        items.append(byAuthors(("D2", "Is a motivation given for why the experiments use the selected datasets?")))
        items.append(citations(existing, facts))
        items.append(publiclyAvailable(existing, facts))
        items.append(notPublic(existing, facts))
        items.append(novel(new, facts))
        return items
    }

    private static func citations(_ existing: [DisclosedArtifact], _ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Are all datasets drawn from the existing literature accompanied by appropriate citations?"
        guard !existing.isEmpty else {
            return ChecklistItem(id: "D3", question: question, answer: .notApplicable,
                                 sentences: [[.words("The experiments use no existing dataset.")]])
        }
        let withOrigin = existing.filter { facts.origin($0) != nil }
        var sentences: [Sentence] = []
        if !withOrigin.isEmpty {
            sentences.append([.words("The ledger records the origin of ")]
                + listed(withOrigin.lazy.map { [.text($0.name), .words(" (")] + facts.origin($0)! + [.words(")")] })
                + [.words("; "), .code("repro export --format bibtex"), .words(" writes a citation for each.")])
        }
        let without = existing.filter { facts.origin($0) == nil }
        if !without.isEmpty {
            sentences.append([.words("No origin is recorded for ")] + facts.names(without) + [.words(".")])
        }
        return ChecklistItem(id: "D3", question: question, answer: without.isEmpty ? .yes : .partial,
                             sentences: sentences, records: CitedRecords(artifacts: existing))
    }

    private static func publiclyAvailable(_ existing: [DisclosedArtifact], _ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Are all datasets drawn from the existing literature publicly available?"
        guard !existing.isEmpty else {
            return ChecklistItem(id: "D4", question: question, answer: .notApplicable,
                                 sentences: [[.words("The experiments use no existing dataset.")]])
        }
        let closed = existing.filter(isClosed)
        let answer: ChecklistAnswer = closed.isEmpty ? .yes : closed.count == existing.count ? .no : .partial
        var sentences: [Sentence] = closed.isEmpty
            ? [[.words("No availability event in the ledger restricts ")] + facts.names(existing) + [.words(".")]]
            : [[.words("Not publicly available: ")] + listed(closed.map(statusPhrase)) + [.words(".")]]
        sentences += facts.missingLicenses(existing)
        return ChecklistItem(id: "D4", question: question, answer: answer, sentences: sentences, records: CitedRecords(artifacts: existing))
    }

    private static func notPublic(_ existing: [DisclosedArtifact], _ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Are datasets that are not publicly available described in detail, with an explanation of why "
            + "publicly available alternatives are not scientifically sufficient?"
        let closed = existing.filter(isClosed)
        guard !closed.isEmpty else {
            return ChecklistItem(id: "D5", question: question, answer: .notApplicable,
                                 sentences: [[.words("The ledger records no dataset that is not publicly available.")]],
                                 records: CitedRecords(artifacts: existing))
        }
        return ChecklistItem(id: "D5", question: question, answer: .byAuthors,
                             sentences: [[.words("The description and the reasons are for the authors to give for ")]
                                 + facts.names(closed) + [.words(".")]],
                             records: CitedRecords(artifacts: closed))
    }

    private static func novel(_ new: [DisclosedArtifact], _ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Will all novel datasets be made publicly available with a license that allows free research use?"
        guard !new.isEmpty else {
            return ChecklistItem(id: "D6", question: question, answer: .notApplicable,
                                 sentences: [[.words("The experiments in scope produce no dataset.")]])
        }
        let licensed = new.filter(facts.licenseKnown)
        var sentences: [Sentence] = []
        if !licensed.isEmpty {
            sentences.append([.words("The ledger records the license of ")] + facts.withLicenses(licensed) + [.words(".")])
        }
        sentences += facts.missingLicenses(new)
        sentences.append([.words("Whether they will be released is for the authors to state.")])
        return ChecklistItem(id: "D6", question: question, answer: .byAuthors, sentences: sentences, records: CitedRecords(artifacts: new))
    }

    // MARK: Code

    static func code(_ facts: ChecklistFacts, runs inScope: Runs) -> [ChecklistItem] {
        let runs = inScope.completed
        let question = "Will all source code required for conducting and analyzing the experiments be made publicly "
            + "available with a license that allows free research use?"
        var item: ChecklistItem
        if runs.isEmpty {
            item = ChecklistItem(id: "C1", question: question, answer: .notApplicable,
                                 sentences: [[.words("No completed experiment is recorded in the chosen scope.")]])
        } else {
            let dirty = runs.filter { CodeEvidence.Problem($0.code) != nil }
            var sentences: [Sentence] = []
            let clean = runs.lazy.filter { CodeEvidence.Problem($0.code) == nil }
            if !clean.isEmpty {
                sentences.append([.words("The ledger records the commit each of ")] + listed(clean.map { [.emphasis($0.name)] })
                    + [.words(" ran from, with no uncommitted changes.")])
            }
            for run in dirty {
                sentences.append([.words("Experiment "), .emphasis(run.name),
                                  .words(" ran on code that no commit holds, so that code cannot be released as it ran.")])
            }
            sentences.append([.words("Whether and under which license the code is released is for the authors to state.")])
            item = ChecklistItem(id: "C1", question: question, answer: dirty.isEmpty ? .byAuthors : .no,
                                 sentences: sentences, records: CitedRecords(experiments: runs))
        }
        return [
            item,
            byAuthors(("C2", "Is any code required for pre-processing data included in the appendix?")),
            byAuthors(("C3", "Does the code implementing new methods have comments referring to the paper?")),
            byAuthors(("C4", "If an algorithm depends on randomness, is the method of setting seeds described?")),
        ]
    }

    // MARK: Compute and experimental setup

    static func experiments(_ facts: ChecklistFacts, runs: Runs) -> [ChecklistItem] {
        [
            infrastructure(facts, runs: runs),
            runsPerResult(facts, runs: runs),
            hyperparameters(facts),
            byAuthors(("E4", "Does the paper formally describe the evaluation metrics and why they were chosen?")),
            byAuthors(("E5", "Does the analysis go beyond single-number summaries to measures of variation or confidence?")),
            byAuthors(("E6", "Is the significance of improvements judged with appropriate statistical tests?")),
            byAuthors(("E7", "Does the paper state the values tried per hyperparameter and the criterion for the final setting?")),
        ]
    }

    private static func runsPerResult(_ facts: ChecklistFacts, runs: Runs) -> ChecklistItem {
        let question = "Does the paper state the number of algorithm runs used to compute each reported result?"
        let groups = facts.analysis.groups
        guard !groups.isEmpty else {
            return ChecklistItem(id: "E2", question: question, answer: .notApplicable,
                                 sentences: [[.words("No experiments are recorded in the chosen scope.")]])
        }
        var parts: [Sentence] = []
        for group in groups {
            let done = group.experiments.filter { !$0.outcome.endedEarly }
            let failed = group.experiments.count - done.count
            let which: Sentence = group.section.map { [.quoted($0)] } ?? listed(done.lazy.map { [.emphasis($0.name)] })
            parts.append(which + [.words(": \(done.count) completed " + (done.count == 1 ? "experiment" : "experiments")
                + (failed == 0 ? "" : " (\(failed) \(group.experiments.map(\.outcome).endedEarlyPhrase), not counted)"))])
        }
        let sentences: [Sentence] = [[.words("The ledger records, per set of results, ")] + listed(parts, conjunction: "and")
            + [.words(".")], [.words("Repeated runs within one experiment are for the authors to state.")]]
        return ChecklistItem(id: "E2", question: question, answer: .partial, sentences: sentences,
                             records: CitedRecords(experiments: runs.all))
    }

    private static func hyperparameters(_ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Does the paper list all final hyperparameters used for each model or algorithm?"
        let configs = (facts.existing + facts.new).filter { $0.kind == .config }
        guard !configs.isEmpty else {
            return ChecklistItem(id: "E3", question: question, answer: .byAuthors,
                                 sentences: [[.words("The ledger records no configuration among the experiments' inputs.")]])
        }
        return ChecklistItem(id: "E3", question: question, answer: .partial,
                             sentences: [[.words("The ledger records the configurations ")]
                                 + listed(configs.lazy.map { [.text($0.name), .words(" ("), .shortDigest($0.digest), .words(")")] })
                                 + [.words("; listing their values in the paper is for the authors.")]],
                             records: CitedRecords(artifacts: configs))
    }

    // MARK: Helpers

    private static func isClosed(_ artifact: DisclosedArtifact) -> Bool {
        switch artifact.availability?.status {
        case .private, .withdrawn, .gated, .apiOnly: true
        default: false
        }
    }

    private static func statusPhrase(_ artifact: DisclosedArtifact) -> Sentence {
        let status = artifact.availability.map { event in
            (event.status == .apiOnly ? "API only" : event.status.rawValue) + " as of " + ProseFormatting.date(event.date)
        } ?? ""
        return [.text(artifact.name), .words(" (" + status + (artifact.retainedCopy == nil ? "" : "; the authors retain a copy") + ")")]
    }

    /// The hardware comes from the compute records of `repro run`; software versions are not recorded.
    private static func infrastructure(_ facts: ChecklistFacts, runs: Runs) -> ChecklistItem {
        let question = "Does the paper specify the computing infrastructure (hardware and software) used?"
        guard let summary = facts.analysis.compute, !summary.total.machinePhrases.isEmpty else { return byAuthors(("E1", question)) }
        return ChecklistItem(id: "E1", question: question, answer: .partial, sentences: [
            [.words("The ledger records the hardware of the runs: ")] + listed(summary.total.machinePhrases.lazy.map { [.text($0)] })
                + [.words(".")],
            [.words("Software versions are not recorded in the ledger; the authors should state them.")],
        ], records: CitedRecords(experiments: runs.all))
    }
}
