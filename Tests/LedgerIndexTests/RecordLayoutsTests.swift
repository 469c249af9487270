import Foundation
import LedgerCore
import LedgerIndex
import Testing
import TestSupport

/// `affected` tells versions of a name apart by the layouts recorded for a digest; the index
/// must read them as the record parser does, escaped keys included.
@Suite struct RecordLayoutsTests {
    @Test func layoutsAreReadFromRecordsWithEscapedKeys() throws {
        let repo = try PaperRepository()
        let store = LedgerStore(top: repo.url)
        _ = try store.createLedger("main")
        let agent = Agent(user: "ada", host: "lab-01")
        let digest = Digest.of("weights")
        func record(_ layout: ArtifactLayout, at time: String) -> LedgerRecord {
            .artifact(ArtifactRecord(digest: digest, name: "base", kind: .checkpoint, layout: layout, size: 7, fileCount: 1,
                                     sources: [], license: nil, derivedFrom: [], recordedAt: time, recordedBy: agent))
        }
        _ = try store.write(record(.folder, at: "2025-01-01T00:00:00Z"), to: "main", durable: false)
        let (file, _) = try store.write(record(.file, at: "2025-01-02T00:00:00Z"), to: "main", durable: false)
        // The same record and id to the parser, written with an escaped key.
        let path = repo.folder.child(file.relativePath)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"layout\""))
        try Data(text.replacingOccurrences(of: "\"layout\"", with: "\"l\\u0061yout\"").utf8).write(to: URL(fileURLWithPath: path))

        let index = try RecordIndex(url: repo.url.appendingPathComponent(".repro/index.sqlite"), store: store)
        _ = try index.refresh()
        #expect(try index.layouts(of: [digest]) == [digest: [ArtifactIdentity.Layout(.folder), ArtifactIdentity.Layout(.file)]])
    }
}
