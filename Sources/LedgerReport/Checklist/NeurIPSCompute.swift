extension NeurIPSChecklist {
    /// The compute item, from the compute records `repro run` keeps: per section, then the
    /// total over every run in scope, failed and preliminary runs included.
    static func compute(_ facts: ChecklistFacts) -> ChecklistItem {
        let question = "Experiments compute resources: for each experiment, does the paper give the type of compute "
            + "workers, memory and time of execution needed to reproduce it, and the total compute including "
            + "failed and preliminary runs?"
        guard !facts.analysis.groups.isEmpty else {
            return ChecklistItem(id: "compute", question: question, answer: .notApplicable,
                                 sentences: [[.words("No experiments are recorded in the chosen scope.")]])
        }
        guard let summary = facts.analysis.compute else {
            return ChecklistItem(id: "compute", question: question, answer: .no, sentences: [[
                .words("No run in scope was recorded with "), .code("repro run"),
                .words(", so the ledger holds no compute record."),
            ]])
        }
        var sentences: [Sentence] = []
        for section in summary.sections {
            let subject: Sentence = section.section.map { [.label($0)] }
                ?? [.words("Experiment "), .emphasis(section.experiments.first ?? "")]
            var sentence = subject + [.words(": " + section.usage.phrase)]
            let machines = section.usage.machinePhrases
            if !machines.isEmpty { sentence += [.words(", on ")] + listed(machines.lazy.map { [.text($0)] }) }
            sentences.append(sentence + [.words(".")])
        }
        sentences.append([.words("In total, " + summary.total.phrase + ".")])
        let answer: ChecklistAnswer = summary.total.withoutCompute == 0 ? .yes : .partial
        return ChecklistItem(id: "compute", question: question, answer: answer, sentences: sentences)
    }
}
