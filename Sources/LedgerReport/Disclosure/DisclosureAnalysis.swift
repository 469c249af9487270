import Algorithms
import LedgerCore

/// Every reproducibility limitation of the experiments in scope, grouped by the paper's
/// section and table labels, each with its evidence. A pure function of the snapshot, the
/// catalog and the options; `repro disclaimer --format json` prints exactly this value.
public struct DisclosureAnalysis: Codable, Hashable, Sendable {
    public static let currentSchema = "repro.disclosure/1"

    public var schema = DisclosureAnalysis.currentSchema
    public var ledgers: [String]
    /// The day availability was read as of; nil means the latest recorded events.
    public var asOf: String?
    public var groups: [DisclosureGroup]
    /// Every artifact the experiments read or wrote, and their ancestors, in first-use order.
    public var artifacts: [DisclosedArtifact]
    public var lints: [DisclosureLint]
    /// Distinct limitations across all groups, mitigations excluded.
    public var limitationCount: Int
    /// Compute of the runs in scope; nil when none of them has a compute record.
    public var compute: ComputeSummary?

    /// Analyses `snapshot` with `catalog` plus the licenses the snapshot's ledgers define.
    public init(snapshot: LedgerSnapshot, catalog: LicenseCatalog = .builtIn,
                options: DisclosureOptions = DisclosureOptions()) throws(DisclosureError) {
        try self.init(input: DisclosureInput(snapshot: snapshot), catalog: catalog, options: options)
    }

    /// Analyses the runs and records of `input` with `catalog` plus the licenses its ledgers define.
    public init(input: DisclosureInput, catalog: LicenseCatalog = .builtIn,
                options: DisclosureOptions = DisclosureOptions()) throws(DisclosureError) {
        var scope = try DisclosureScope(input: input, options: options)
        let (fullCatalog, definedIn) = try catalog.including(ledgerLicensesOf: input.records)
        let facts = ArtifactFacts(input: input, catalog: fullCatalog, definedIn: definedIn, options: options)

        ledgers = scope.ledgers
        asOf = options.asOf?.text
        compute = ComputeSummary.make(allRuns: scope.allRuns, representative: scope.representative)
        // What is alive at once is what a whole-ledger statement peaks at: each of the scope's
        // lists of runs is freed once its paragraph holds them, and the set of 190,000 keys
        // counted is gone before the artifacts and lints are made.
        let builder = DisclosureGroupBuilder(facts: facts)
        var pending = scope.takeGroups()
        groups = []
        groups.reserveCapacity(pending.count)
        for index in pending.indices {
            groups.append(builder.build(section: pending[index].section, runs: pending[index].runs))
            pending[index].runs = []
        }
        limitationCount = Self.countDistinct(groups)
        artifacts = Self.artifacts(of: groups.lazy.flatMap(\.experiments).map(\.run), facts: facts)
        // Lazily: a copy of 18,000 checkpoints' descriptions, only to read their digests, was the
        // largest value alive at a whole-ledger statement's peak.
        lints = NamingLint(facts: facts).check(artifacts.lazy.filter { $0.kind == .checkpoint }.map(\.digest))
    }

    /// The digests `artifacts` lists for `options` that some artifact record describes: what
    /// `--verify` re-hashes before the one analysis, without composing any limitation.
    public static func recordedArtifacts(snapshot: LedgerSnapshot, catalog: LicenseCatalog = .builtIn,
                                         options: DisclosureOptions = DisclosureOptions()) throws(DisclosureError) -> [Digest] {
        try recordedArtifacts(input: DisclosureInput(snapshot: snapshot), catalog: catalog, options: options)
    }

    public static func recordedArtifacts(input: DisclosureInput, catalog: LicenseCatalog = .builtIn,
                                         options: DisclosureOptions = DisclosureOptions()) throws(DisclosureError) -> [Digest] {
        let scope = try DisclosureScope(input: input, options: options)
        let facts = ArtifactFacts(input: input, catalog: catalog, definedIn: [:], options: options)
        return order(of: scope.groups.lazy.flatMap(\.runs), facts: facts).map(\.digest).filter { facts.kind($0) != nil }
    }

    private static func countDistinct(_ groups: [DisclosureGroup]) -> Int {
        var counted = LimitationKeySet()
        for group in groups {
            for limitation in group.limitations where !limitation.kind.isMitigation { counted.insert(limitation.key) }
        }
        return counted.count
    }

    private static func artifacts(of runs: some Sequence<DisclosureRun>, facts: ArtifactFacts) -> [DisclosedArtifact] {
        order(of: runs, facts: facts).map { facts.describe($0.digest, role: $0.role) }
    }

    /// Inputs first, then ancestors reached through lineage, then outputs nobody in scope read.
    private static func order(of runs: some Sequence<DisclosureRun>, facts: ArtifactFacts) -> [(digest: Digest, role: DisclosedArtifact.Role)] {
        var order: [Digest] = []
        var roles: [Digest: DisclosedArtifact.Role] = [:]
        func add(_ digest: Digest, _ role: DisclosedArtifact.Role) {
            guard roles[digest] == nil else { return }
            roles[digest] = role
            order.append(digest)
        }
        // Each digest once as it is met: 100,000 runs read 300,000 inputs of a few thousand artifacts.
        var outputs: [Digest] = []
        var seenOutputs: Set<Digest> = []
        for run in runs {
            for use in run.inputs { add(use.digest, .used) }
            for use in run.outputs where seenOutputs.insert(use.digest).inserted { outputs.append(use.digest) }
        }
        // Each digest's lineage once: a base model read by thousands of runs is walked once.
        for digest in order + outputs.filter({ roles[$0] == nil }) {
            facts.ancestors(digest).forEach { add($0.ancestor, .lineage) }
        }
        outputs.forEach { add($0, .produced) }
        // An ancestor that some run also produced is a produced artifact, not only lineage.
        for digest in outputs where roles[digest] == .lineage { roles[digest] = .produced }
        return order.map { ($0, roles[$0]!) }
    }

    /// Limitations of every group, each once, in statement order.
    public var distinctLimitations: [Limitation] {
        var seen = LimitationKeySet()
        var out: [Limitation] = []
        for group in groups {
            for limitation in group.limitations where seen.insert(limitation.key) { out.append(limitation) }
        }
        return out
    }
}
