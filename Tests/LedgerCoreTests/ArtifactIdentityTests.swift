import Foundation
import LedgerCore
import Testing

/// Layout is part of identity, and the fields added to uses leave older records byte for byte as they were.
@Suite struct ArtifactIdentityTests {
    @Test func aFileAndAFolderWithOneDigestAreTwoArtifacts() throws {
        let digest = Digest.of("")
        let file = ArtifactIdentity(.file, digest)
        let folder = ArtifactIdentity(.folder, digest)
        #expect(file != folder)
        #expect(file.description == "file:\(digest)")
        #expect(folder.description == "folder:\(digest)")
        #expect(ArtifactIdentity(parsing: "folder:\(digest)") == folder)
        #expect(ArtifactIdentity(parsing: "file:\(digest.hex)") == file)
        #expect(ArtifactIdentity(parsing: "lfs-pointer:\(digest)") == nil)
        #expect(ArtifactIdentity(parsing: "\(digest)") == nil)
        // A pointer's oid is the SHA-256 of the file it stands for: the same artifact.
        #expect(ArtifactIdentity(.lfsPointer, digest) == file)
    }

    /// A use as written before this release: no layout, no verification, no digest after the run.
    static let oldUse = """
        {"digest":"sha256:\(Digest.of("x").hex)","name":"ds","role":"train"}
        """

    @Test func oldUsesDecodeAndEncodeToTheSameBytes() throws {
        let use = try JSONDecoder().decode(ArtifactUse.self, from: Data(Self.oldUse.utf8))
        #expect(use.layout == nil)
        #expect(use.verification == nil)
        #expect(use.digestAfterRun == nil)
        #expect(use.identity == nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(use), as: UTF8.self) == Self.oldUse)
    }

    @Test func newUsesCarryLayoutVerificationAndTheDigestAfterTheRun() throws {
        let use = ArtifactUse(digest: Digest.of("x"), name: "log", layout: .file, verification: .verified,
                              digestAfterRun: Digest.of("y"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(use), as: UTF8.self) == """
            {"digest":"sha256:\(Digest.of("x").hex)","digestAfterRun":"sha256:\(Digest.of("y").hex)",\
            "layout":"file","name":"log","verification":"verified"}
            """)
        #expect(use.identity == ArtifactIdentity(.file, Digest.of("x")))
        let bad = Data(#"{"digest":"sha256:\#(Digest.of("x").hex)","name":"ds","verification":"trust-me"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ArtifactUse.self, from: bad) }
    }

    @Test func anExperimentRecordedBeforeKeepsItsID() throws {
        // Written by the previous release: its id is the SHA-256 of these canonical bytes.
        let json = """
            {"code":{"dirty":false,"repository":false,"detached":false},"endedAt":"2026-01-01T00:00:00Z",\
            "inputs":[\(Self.oldUse)],"ledger":"main","name":"exp","outcome":"recorded","outputs":[],\
            "recordedBy":{"host":"lab-01","user":"ada"},"schema":"repro.experiment/1","startedAt":"2026-01-01T00:00:00Z"}
            """
        let (record, id) = try RecordCodec.decode(Array(json.utf8))
        let reencoded = try RecordCodec.encode(record)
        #expect(reencoded.id == id)
    }
}
