import LedgerCore

/// The experiments a statement covers, checked against the ledger and put in paragraphs.
struct DisclosureScope {
    struct Group {
        var section: String?
        var runs: [DisclosureRun]
    }

    let ledgers: [String]
    /// Taken by the analysis (`takeGroups()`) so the lists are freed once its paragraphs are built.
    private(set) var groups: [Group]
    /// Every run in scope, the ones a re-run replaced and the failed ones included (compute totals).
    let allRuns: [DisclosureRun]
    /// Parallel to `allRuns`: whether the run is the one its experiment is cited by.
    let representative: [Bool]

    init(input: DisclosureInput, options: DisclosureOptions) throws(DisclosureError) {
        for ledger in options.ledgers where !input.ledgers.contains(ledger) {
            throw .unknownLedger(ledger, known: input.ledgers)
        }
        let chosenLedgers = options.ledgers.isEmpty ? input.ledgers : options.ledgers
        ledgers = chosenLedgers
        // A whole ledger shares the input's list of runs rather than copying 100,000 of them.
        let inLedgers = input.runs.allSatisfy { chosenLedgers.contains($0.ledger) }
            ? input.runs : input.runs.filter { chosenLedgers.contains($0.ledger) }
        if !options.experiments.isEmpty {
            let names = inLedgers.map(\.name)
            for name in options.experiments where !names.contains(name) {
                throw .unknownExperiment(name, suggestions: NameSuggestions.closest(to: name, among: names))
            }
        }
        if !options.sections.isEmpty {
            let labels = inLedgers.compactMap(\.section)
            for label in options.sections where !labels.contains(label) {
                throw .unknownSection(label, suggestions: NameSuggestions.closest(to: label, among: labels))
            }
        }
        let allRuns = options.experiments.isEmpty && options.sections.isEmpty ? inLedgers : inLedgers.filter { run in
            (options.experiments.isEmpty || options.experiments.contains(run.name))
                && (options.sections.isEmpty || run.section.map(options.sections.contains) == true)
        }
        self.allRuns = allRuns
        let chosen = Self.representativeRuns(allRuns)
        var representative = [Bool](repeating: false, count: allRuns.count)
        for index in chosen { representative[index] = true }
        self.representative = representative
        groups = Self.group(chosen.map { allRuns[$0] }, sectionOrder: options.sections)
    }

    /// The paragraphs' runs, leaving none behind.
    mutating func takeGroups() -> [Group] {
        defer { groups = [] }
        return groups
    }

    /// One run per experiment and ledger: the latest that did not fail, else the latest.
    /// A re-run replaces the earlier one in the paper; a failed run produced no reported result.
    private static func representativeRuns(_ runs: [DisclosureRun]) -> [Int] {
        var chosen: [String: Int] = [:]
        for (index, run) in runs.enumerated() {
            let key = run.ledger + "\u{0}" + run.name
            if let previous = chosen[key], run.outcome.endedEarly, !runs[previous].outcome.endedEarly { continue }
            chosen[key] = index
        }
        return chosen.values.sorted()
    }

    /// A paragraph per label in the order given on the command line, else in the order the
    /// labels were first recorded; an unlabelled experiment is a paragraph of its own.
    private static func group(_ runs: [DisclosureRun], sectionOrder: [String]) -> [Group] {
        var groups: [Group] = []
        var position: [String: Int] = [:]
        for run in runs {
            if let label = run.section, let index = position[label] {
                groups[index].runs.append(run)
            } else {
                if let label = run.section { position[label] = groups.count }
                groups.append(Group(section: run.section, runs: [run]))
            }
        }
        guard !sectionOrder.isEmpty else { return groups }
        let rank = Dictionary(sectionOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return groups.enumerated()
            .sorted { (rank[$0.element.section ?? ""] ?? Int.max, $0.offset) < (rank[$1.element.section ?? ""] ?? Int.max, $1.offset) }
            .map(\.element)
    }
}
