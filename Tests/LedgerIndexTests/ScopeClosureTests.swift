import Foundation
import LedgerCore
@testable import LedgerIndex
import Testing
import TestSupport

/// What a scoped read holds: its runs, the records of every digest they name and of every
/// lineage ancestor (through cycles a hostile ledger may hold), and the runs outside the
/// scope that name a digest no artifact record describes.
@Suite struct ScopeClosureTests {
    let repo: PaperRepository
    let store: LedgerStore
    let index: RecordIndex
    let agent = Agent(user: "ada", host: "lab-01")

    init() throws {
        repo = try PaperRepository()
        store = LedgerStore(top: repo.url)
        _ = try store.createLedger("main")
        index = try RecordIndex(url: repo.url.appendingPathComponent(".repro/index.sqlite"), store: store)
    }

    func artifact(_ label: String, derivedFrom parents: [String] = []) throws {
        try store.write(.artifact(ArtifactRecord(
            digest: Digest.of(label), name: label, kind: .checkpoint, layout: .file, size: 1, fileCount: 1,
            sources: [], license: nil, derivedFrom: parents.map(Digest.of), recordedAt: "2025-01-01T00:00:00Z",
            recordedBy: agent)), to: "main", durable: false)
    }

    func run(_ name: String, section: String, inputs: [String], outputs: [String] = []) throws {
        try store.write(.experiment(ExperimentRecord(
            name: name, ledger: "main", section: section,
            inputs: inputs.map { ArtifactUse(digest: Digest.of($0), name: $0) },
            outputs: outputs.map { ArtifactUse(digest: Digest.of($0), name: $0) },
            code: CodeState(repository: false, commit: nil, branch: nil, detached: false, dirty: false, diffDigest: nil),
            command: nil, exitStatus: nil, outcome: .recorded, startedAt: "2025-01-01T00:00:00Z", endedAt: nil,
            recordedBy: agent, note: nil)), to: "main", durable: false)
    }

    @Test func lineageIsFollowedThroughACycleToEveryAncestor() throws {
        // tune ← mid ← base ← mid: a cycle; far is reached only through it.
        try artifact("tune", derivedFrom: ["mid"])
        try artifact("mid", derivedFrom: ["base"])
        try artifact("base", derivedFrom: ["mid", "far"])
        try artifact("far")
        try artifact("unrelated")
        try run("run-1", section: "tab:1", inputs: ["tune"])
        try run("run-2", section: "tab:2", inputs: ["unrelated"])
        _ = try index.refresh()

        let scoped = try index.snapshot(SnapshotScope(ledgers: ["main"], sections: ["tab:1"]))
        #expect(scoped.experiments.map(\.value.name) == ["run-1"])
        #expect(Set(scoped.artifacts.map(\.value.name)) == ["tune", "mid", "base", "far"])
    }

    @Test func runsOutsideTheScopeAreReadOnlyWhereTheyNameAnUndescribedDigest() throws {
        try artifact("base")
        // "loose" has no artifact record: the statement names it after the earliest run that used it.
        try run("run-1", section: "tab:1", inputs: ["base", "loose"])
        try run("run-2", section: "tab:2", inputs: ["loose"])
        try run("run-3", section: "tab:2", inputs: ["base"])
        try run("run-4", section: "tab:2", inputs: [], outputs: ["loose"])
        _ = try index.refresh()

        let scoped = try index.snapshot(SnapshotScope(ledgers: ["main"], sections: ["tab:1"]))
        #expect(scoped.experiments.map(\.value.name).sorted() == ["run-1", "run-2", "run-4"])
        #expect(scoped.artifacts.map(\.value.name) == ["base"])
    }

    @Test func aRunInScopeIsReadOnceThoughItAlsoNamesAnUndescribedDigest() throws {
        try run("run-1", section: "tab:1", inputs: ["loose"])
        try run("run-2", section: "tab:1", inputs: ["loose", "other loose"])
        _ = try index.refresh()

        var names: [String] = []
        _ = try index.statementInput(SnapshotScope(ledgers: ["main"], sections: ["tab:1"])) { names.append($0.value.name) }
        #expect(names.sorted() == ["run-1", "run-2"])
    }

    @Test func theClosureWalksAGenerationPerQuery() throws {
        try artifact("c", derivedFrom: ["b"])
        try artifact("b", derivedFrom: ["a"])
        try artifact("a", derivedFrom: ["c"])
        _ = try index.refresh()
        let closure = try index.pool.read { db in try RecordIndex.lineageClosure(db, of: [Digest.of("c")]) }
        #expect(closure == Set(["a", "b", "c"].map(Digest.of)))
        let none = try index.pool.read { db in try RecordIndex.lineageClosure(db, of: []) }
        #expect(none.isEmpty)
    }
}
