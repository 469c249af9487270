import LedgerCore

/// Which tables and figures of a paper have a recorded experiment behind them, and which
/// recorded section labels the paper no longer holds. Pure: labels and experiments in.
public struct CoverageReport: Codable, Hashable, Sendable {
    /// A label as found in the paper.
    public struct PaperLabel: Codable, Hashable, Sendable {
        public var label: String
        /// Path relative to the paper's folder.
        public var file: String
        public var line: Int
        /// The marked environment (`table*`) or sectioning command (`section`) it labels.
        public var kind: String
        /// Experiments recorded with this section label whose run did not fail, by name.
        public var experiments: [String]
        /// Experiments recorded with this label whose run failed: they are not results.
        public var failedExperiments: [String]
    }

    /// A section label experiments were recorded with that no `\label` of the paper carries.
    public struct MissingLabel: Codable, Hashable, Sendable {
        public var section: String
        public var experiments: [String]
    }

    /// An `\input`/`\include` that was not followed, and why.
    public struct SkippedInclusion: Codable, Hashable, Sendable {
        public var file: String
        public var line: Int
        public var target: String
        public var reason: String

        public init(file: String, line: Int, target: String, reason: String) {
            self.file = file
            self.line = line
            self.target = target
            self.reason = reason
        }
    }

    /// The environments (and sectioning commands) whose labels were checked.
    public var checked: [String]
    /// Every file read, the paper first, relative to the paper's folder.
    public var files: [String]
    public var backed: [PaperLabel]
    public var notBacked: [PaperLabel]
    public var notInPaper: [MissingLabel]
    public var skipped: [SkippedInclusion]
    /// False when a checked label has no experiment behind it (exit 1).
    public var complete: Bool

    /// The default: tables and figures, starred forms included.
    public static let defaultEnvironments = ["table", "figure"]

    /// `labels` are the paper's labels in reading order, each with the file it is in.
    public init(labels: [(file: String, label: PaperScan.Label)], files: [String], skipped: [SkippedInclusion],
                experiments: [ExperimentRecord], environments: [String] = CoverageReport.defaultEnvironments) {
        let marked = Set(environments.map(Self.baseName))
        checked = environments
        self.files = files
        self.skipped = skipped
        var results: [String: [String]] = [:]
        var failures: [String: [String]] = [:]
        for experiment in experiments {
            guard let section = experiment.section else { continue }
            if experiment.outcome.endedEarly {
                failures[section, default: []].append(experiment.name)
            } else {
                results[section, default: []].append(experiment.name)
            }
        }
        backed = []
        notBacked = []
        for (file, label) in labels {
            guard let kind = Self.kind(of: label, marked: marked) else { continue }
            let entry = PaperLabel(label: label.name, file: file, line: label.line, kind: kind,
                                   experiments: Array(Set(results[label.name] ?? [])).sorted(),
                                   failedExperiments: Array(Set(failures[label.name] ?? [])).sorted())
            if entry.experiments.isEmpty { notBacked.append(entry) } else { backed.append(entry) }
        }
        let present = Set(labels.map(\.label.name))
        let recorded = Set(results.keys).union(failures.keys)
        notInPaper = recorded.subtracting(present).sorted().map { section in
            MissingLabel(section: section, experiments: Array(Set((results[section] ?? []) + (failures[section] ?? []))).sorted())
        }
        complete = notBacked.isEmpty
    }

    /// The innermost open environment that is marked, else the sectioning command when the
    /// label stands outside every environment; nil when the label is not one to check.
    static func kind(of label: PaperScan.Label, marked: Set<String>) -> String? {
        if let environment = label.environments.last(where: { marked.contains(baseName($0)) }) { return environment }
        if label.environments.isEmpty, let command = label.sectioning, marked.contains(baseName(command)) { return command }
        return nil
    }

    static func baseName(_ name: String) -> String { name.hasSuffix("*") ? String(name.dropLast()) : name }
}
