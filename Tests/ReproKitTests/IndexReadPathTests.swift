import Foundation
import LedgerCore
import LedgerExport
import LedgerIndex
import LedgerReport
import ReproKit
import Testing
import TestSupport

/// The readers get their records from the index (and only the closure of their scope);
/// their output must be byte for byte what a plain fold over every record file gives.
@Suite struct IndexReadPathTests {
    let repo: PaperRepository
    let store: LedgerStore

    init() throws {
        repo = try PaperRepository()
        store = LedgerStore(top: repo.url)
        _ = try Workspace(top: repo.url, environment: PaperRepository.environment).initialize(ledger: "main")
        _ = try store.createLedger("other")
        var generator = GeneratedLedger(seed: 7)
        try generator.write(into: store, runs: 140)
    }

    func workspace() -> Workspace { Workspace(top: repo.url, environment: PaperRepository.environment) }

    /// The reference: read and verify every record file, keep experiments and seals of
    /// `ledgers` only, sort. (What `Workspace.snapshot` did before it read the index.)
    func referenceSnapshot(ledgers requested: [String]) throws -> LedgerSnapshot {
        let ledgers = requested.isEmpty ? store.ledgerNames() : requested
        var snapshot = LedgerSnapshot(ledgers: ledgers)
        for file in store.list().records {
            let record = try store.read(file)
            if record.type == .experiment || record.type == .seal, !ledgers.contains(file.ledger) { continue }
            snapshot.add(record, id: try #require(Digest(parsing: file.id)), ledger: file.ledger)
        }
        snapshot.sort()
        return snapshot
    }

    static let scopes: [(ledgers: [String], experiments: [String], sections: [String], asOf: CalendarDay?)] = [
        ([], [], [], nil),
        (["main"], [], [], nil),
        (["other"], [], [], "2025-03-01"),
        ([], ["run-3"], [], nil),
        (["main"], ["run-17", "run-4"], [], "2025-02-10"),
        ([], [], ["tab:2"], nil),
        ([], [], ["fig:3", "tab:1"], nil),
        ([], ["run-5", "run-9"], ["tab:1"], nil),
        ([], ["run-ghost"], [], nil),
        ([], [], ["tab:99"], nil),
    ]

    func expectSameStatements() throws {
        for scope in Self.scopes {
            let options = DisclosureOptions(ledgers: scope.ledgers, experiments: scope.experiments,
                                            sections: scope.sections, asOf: scope.asOf)
            let expected = Result { try DisclosureAnalysis(snapshot: try referenceSnapshot(ledgers: scope.ledgers), options: options) }
            for format in DisclosureFormat.allCases {
                var request = DisclaimerRequest()
                request.scope.ledgers = scope.ledgers
                request.scope.experiments = scope.experiments
                request.scope.sections = scope.sections
                request.scope.asOf = scope.asOf
                request.format = format
                let actual = Result { try workspace().disclaimer(request).text }
                switch (expected, actual) {
                case (.success(let analysis), .success(let text)):
                    #expect(text == Statement.render(analysis, format: format), "disclaimer \(format) \(scope)")
                case (.failure(let want), .failure(let got)):
                    #expect("\(got)" == "\(want)", "disclaimer error \(scope)")
                default:
                    Issue.record("disclaimer \(scope): \(expected) vs \(actual)")
                }
                for venue in ChecklistVenue.allCases {
                    var checklist = ChecklistRequest(venue: venue)
                    checklist.scope = request.scope
                    checklist.format = format
                    let answered = Result { try workspace().checklist(checklist).text }
                    switch (expected, answered) {
                    case (.success(let analysis), .success(let text)):
                        #expect(text == Checklist(analysis, venue: venue).render(format), "checklist \(venue) \(format) \(scope)")
                    case (.failure(let want), .failure(let got)):
                        #expect("\(got)" == "\(want)")
                    default:
                        Issue.record("checklist \(scope): \(expected) vs \(answered)")
                    }
                }
            }
        }
    }

    func expectSameExports() throws {
        for ledgers in [[], ["main"], ["other"]] as [[String]] {
            let reference = try referenceSnapshot(ledgers: ledgers)
            for asOf in [nil, "2025-02-10"] as [CalendarDay?] {
                for format in ExportFormat.allCases {
                    let options = ExportOptions(asOf: asOf)
                    let expected = try ReferenceExports.export(reference, format: format, options: options)
                    #expect(try workspace().export(format: format, ledgers: ledgers, asOf: asOf) == expected,
                            "export \(format) \(ledgers) \(asOf?.text ?? "latest")")
                    // The same streaming exporter over the snapshot in memory, with spill files.
                    #expect(try LedgerExport.export(reference, format: format, options: options) == expected,
                            "export of a snapshot \(format) \(ledgers) \(asOf ?? "latest")")
                }
            }
            for format in GraphFormat.allCases {
                let expected = ReferenceExports.graph(reference, format: format)
                #expect(try workspace().graph(format: format, ledgers: ledgers) == expected, "graph \(format) \(ledgers)")
                #expect(try LedgerExport.graph(reference, format: format) == expected, "graph of a snapshot \(format) \(ledgers)")
            }
        }
    }

    @Test func statementsAndChecklistsMatchAFoldOverEveryRecord() throws {
        try expectSameStatements()
    }

    @Test func exportsAndGraphsMatchAFoldOverEveryRecord() throws {
        try expectSameExports()
    }

    /// The index is refreshed incrementally between commands: records added later (and one
    /// removed) are seen exactly as a fresh fold sees them.
    @Test func laterRecordsAreSeenThroughTheIncrementalIndex() throws {
        _ = try workspace().snapshot()
        var generator = GeneratedLedger(seed: 99)
        try generator.write(into: store, runs: 30, firstRun: 140)
        let removed = try #require(store.list(ledgers: ["main"]).records.first { $0.type == .experiment })
        try FileManager.default.removeItem(atPath: repo.folder.child(removed.relativePath))
        try expectSameStatements()
        try expectSameExports()
    }

    /// A scoped statement reads only its closure, not the whole ledger.
    @Test func scopedSnapshotHoldsOnlyTheClosureOfItsScope() throws {
        let whole = try workspace().snapshot()
        let scoped = try workspace().snapshot(SnapshotScope(ledgers: ["main", "other"], experiments: ["run-3"]))
        #expect(scoped.experiments.contains { $0.value.name == "run-3" })
        #expect(scoped.experiments.count < whole.experiments.count)
        #expect(scoped.artifacts.count < whole.artifacts.count)
        #expect(scoped.licenses.count == whole.licenses.count)
        let digests = Set(scoped.artifacts.map(\.value.digest))
        for run in scoped.experiments where run.value.name == "run-3" {
            for use in run.value.inputs + run.value.outputs where whole.artifacts.contains(where: { $0.value.digest == use.digest }) {
                #expect(digests.contains(use.digest))
            }
        }
    }

    /// The scoped statement pass reads what the scoped snapshot holds: the same experiments
    /// (as fields), the same artifacts, events and licenses.
    @Test func scopedStatementPassReadsTheScopedSnapshot() throws {
        let index = try workspace().index()
        for scope in [SnapshotScope(ledgers: ["main", "other"], experiments: ["run-3"]),
                      SnapshotScope(ledgers: ["main"], sections: ["tab:2"]),
                      SnapshotScope(ledgers: ["main", "other"], experiments: ["run-5", "run-9"], sections: ["fig:3"])] {
            let snapshot = try index.snapshot(scope)
            var ids: [Digest] = []
            let records = try index.statementInput(scope) { ids.append($0.id) }
            #expect(!ids.isEmpty)
            #expect(ids.sorted() == snapshot.experiments.map(\.id).sorted(), "\(scope)")
            var shared = snapshot
            shared.experiments = []
            #expect(records == shared, "\(scope)")
        }
    }
}

/// A pseudo-random ledger shaped like a lab's: base models under various licenses, datasets,
/// fine-tunes derived from bases and from each other, re-runs, failed runs, runs without a
/// section, digests no artifact record describes, availability events, two ledgers.
struct GeneratedLedger {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    static let agent = Agent(user: "ada", host: "lab-01")
    static let licenses: [String?] = ["llama3.1", "cc-by-4.0", "cc-by-nc-4.0", "mit", "apache-2.0", "gemma", "made-up-1.0", nil]
    static let sections: [String?] = ["tab:1", "tab:2", "fig:3", nil]

    static func time(_ offset: Int) -> String {
        Timestamps.format(Date(timeIntervalSince1970: 1_735_689_600 + TimeInterval(offset * 3_600)))
    }

    static func digest(_ label: String) -> Digest { Digest.of(label) }

    mutating func write(into store: LedgerStore, runs: Int, firstRun: Int = 0) throws {
        let bases = 6, datasets = 5
        if firstRun == 0 {
            for base in 0..<bases {
                let source: ArtifactSource = base % 2 == 0
                    ? .huggingFace(repo: "org/base-\(base)", revision: String(repeating: "c", count: 40))
                    : .url("https://example.org/base-\(base)")
                try store.write(.artifact(ArtifactRecord(
                    digest: Self.digest("base \(base)"), name: base == 4 ? "Nguyễn-中文-\(base)" : "base-\(base)",
                    kind: .checkpoint, layout: base == 5 ? .lfsPointer : .folder, size: 1_000, fileCount: 3,
                    sources: [source], license: Self.licenses[base % Self.licenses.count], derivedFrom: [],
                    recordedAt: Self.time(base), recordedBy: Self.agent)), to: base == 3 ? "other" : "main", durable: false)
            }
            // Re-recorded later under another name and license: the latest wins.
            try store.write(.artifact(ArtifactRecord(
                digest: Self.digest("base 1"), name: "base-1-renamed", kind: .checkpoint, layout: .folder, size: 1_000,
                fileCount: 3, sources: [.localPath("models/base-1")], license: "mit", derivedFrom: [],
                recordedAt: Self.time(50), recordedBy: Self.agent)), to: "main", durable: false)
            for dataset in 0..<datasets {
                try store.write(.artifact(ArtifactRecord(
                    digest: Self.digest("dataset \(dataset)"), name: "dataset-\(dataset)", kind: .dataset, layout: .file,
                    size: 10, fileCount: 1, sources: [.localPath("data/\(dataset).csv")],
                    license: Self.licenses[(dataset + 3) % Self.licenses.count], derivedFrom: [],
                    recordedAt: Self.time(10 + dataset), recordedBy: Self.agent)), to: "main", durable: false)
            }
            let events: [(String, AvailabilityStatus, String)] = [
                ("base 0", .withdrawn, "2025-02-01"), ("base 0", .retained, "2025-02-02"), ("base 2", .apiOnly, "2025-01-15"),
                ("base 2", .open, "2025-03-15"), ("dataset 1", .gated, "2025-01-20"), ("dataset 3", .private, "2025-02-20"),
                ("base 4", .deprecated, "2025-02-05"),
            ]
            for (offset, (label, status, day)) in events.enumerated() {
                try store.write(.availability(AvailabilityEvent(
                    digest: Self.digest(label), status: status, asOf: day, evidence: "https://example.org/notice-\(offset)",
                    note: nil, recordedAt: Self.time(60 + offset), recordedBy: Self.agent)), to: "main", durable: false)
            }
        }
        for index in firstRun..<(firstRun + runs) {
            let base = next(bases), dataset = next(datasets)
            var inputs = [ArtifactUse(digest: Self.digest("base \(base)"), name: "base-\(base)", role: "base-model"),
                          ArtifactUse(digest: Self.digest("dataset \(dataset)"), name: "dataset-\(dataset)", role: "train")]
            if index > 10, next(3) == 0 {
                let evaluated = next(index)
                inputs.append(ArtifactUse(digest: Self.digest("tune \(evaluated)"), name: "tune-\(evaluated)", role: "eval"))
            }
            if next(9) == 0 {
                inputs.append(ArtifactUse(digest: Self.digest("loose \(next(4))"), name: "loose-\(index)"))
            }
            if next(11) == 0 { inputs.append(inputs[0]) }
            let tune = Self.digest("tune \(index)")
            let recordsTune = next(4) != 0
            if recordsTune {
                // Derived from the base, sometimes also from an earlier fine-tune: lineage chains.
                var parents = [Self.digest("base \(base)")]
                if index > 5, next(3) == 0 { parents.append(Self.digest("tune \(next(index))")) }
                try store.write(.artifact(ArtifactRecord(
                    digest: tune, name: next(5) == 0 ? "Llama-tune-\(index)" : "tune-\(index)",
                    kind: next(6) == 0 ? .result : .checkpoint, layout: .folder, size: 100, fileCount: 2,
                    sources: [.localPath("out/tune-\(index)")], license: Self.licenses[next(Self.licenses.count)],
                    derivedFrom: parents, recordedAt: Self.time(100 + index), recordedBy: Self.agent)),
                    to: "main", durable: false)
            }
            let dirty = next(7) == 0
            let ledger = next(8) == 0 ? "other" : "main"
            try store.write(.experiment(ExperimentRecord(
                name: "run-\(index % 90)", ledger: ledger,
                section: Self.sections[next(Self.sections.count)], inputs: inputs,
                outputs: [ArtifactUse(digest: tune, name: "tune-\(index)")],
                code: CodeState(repository: true, commit: String(repeating: "a", count: 40), branch: "main", detached: false,
                                dirty: dirty, diffDigest: dirty ? Self.digest("diff \(index)") : nil),
                command: ["python", "train.py", "--seed", "\(index)"], exitStatus: next(10) == 0 ? 1 : 0,
                outcome: next(10) == 0 ? .failed : .succeeded, startedAt: Self.time(100 + index - index % 3),
                endedAt: Self.time(101 + index), recordedBy: Self.agent, note: nil)),
                to: ledger, durable: false)
        }
    }
}
