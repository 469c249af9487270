import Foundation
import LedgerCore
import Testing

/// Every read of an artifact record from the index tries this reader first; it must give
/// exactly what `JSONDecoder` gives, and give up (nil) on everything it does not read itself.
@Suite struct ArtifactJSONReaderTests {
    static let digest = "sha256:" + String(repeating: "ab", count: 32)
    static let parent = "sha256:" + String(repeating: "0c", count: 32)

    func read(_ json: String) -> ArtifactRecord? {
        Array(json.utf8).withUnsafeBytes { ArtifactJSONReader.record($0) }
    }

    func decoded(_ json: String) throws -> ArtifactRecord {
        try JSONDecoder().decode(ArtifactRecord.self, from: Data(json.utf8))
    }

    /// A record with every field the reader reads; `extra` is spliced in before `name`.
    func record(extra: String = "", name: String = "\"llama-ft\"", license: String = "\"llama3.1\"",
                size: String = "4096", note: String = "null", sources: String? = nil) -> String {
        let allSources = sources ?? """
            [ { "type" : "huggingface", "repo" : "meta-llama/Llama-3.1-8B", "revision" : "d04e592bb4f6", "path" : null },
              { "type" : "url", "url" : "https://example.org/a?b=c&d" }, { "path" : "data/x.bin", "type" : "path" } ]
            """
        return """
            {
              "derivedFrom" : [ "\(Self.parent)" ],
              "digest" : "\(Self.digest)",
              "externalParents" : [ "org/base" ],
              "fileCount" : 12,
              "kind" : "checkpoint",
              "layout" : "folder",
              "license" : \(license),\(extra)
              "name" : \(name),
              "note" : \(note),
              "recordedAt" : "2025-01-01T00:00:00Z",
              "recordedBy" : { "host" : "h\\u00f6st", "user" : "me" },
              "schema" : "repro.artifact/1",
              "size" : \(size),
              "sources" : \(allSources)
            }
            """
    }

    @Test func readsWhatJSONDecoderReads() throws {
        let samples = [
            record(),
            record(name: #""Nguy\u1ec5n \"q\" \\ \/ \b\f\n\r\t 中文 😀""#, license: "null", size: "-9223372036854775808",
                   note: #""naïve \u0000 end""#),
            record(size: "9223372036854775807", sources: "[]"),
            record(extra: #" "card" : null, "sourceResponses" : null, "replaces" : null,"#),
            #"{"schema":"repro.artifact/1","digest":"\#(Self.digest)","name":"d","kind":"dataset","layout":"lfs-pointer","#
                + #""size":0,"fileCount":0,"sources":[],"derivedFrom":[],"recordedAt":"t","recordedBy":{"user":"u","host":"h"}}"#,
        ]
        for json in samples {
            let fast = try #require(read(json), "the reader gave up on \(json)")
            #expect(fast == (try decoded(json)))
        }
        let first = try #require(read(samples[0]))
        #expect(first.sources == [.huggingFace(repo: "meta-llama/Llama-3.1-8B", revision: "d04e592bb4f6"),
                                  .url("https://example.org/a?b=c&d"), .localPath("data/x.bin")])
        #expect(first.externalParents == ["org/base"])
        #expect(try #require(read(samples[1])).name == "Nguyễn \"q\" \\ / \u{8}\u{c}\n\r\t 中文 😀")
    }

    /// Each of these is left to JSONDecoder, which reads it or says why not; never misread.
    @Test func givesUpOnWhatItDoesNotRead() throws {
        let card = #" "card" : { "license" : "llama3.1", "baseModels" : [] },"#
        let cases = [
            record(extra: card),
            record(extra: #" "replaces" : { "name" : "x" },"#),
            record(extra: #" "unknown" : 1,"#),
            record(extra: #" "name" : "twice","#),
            record(size: "1.0"),
            record(size: "1e3"),
            record(size: "9223372036854775808"),
            record(sources: #"[ { "type" : "ftp" } ]"#),
            record(sources: #"[ { "url" : "https://x" } ]"#),
            record(name: "null"),
            String(record().dropLast()),
            record() + " x",
        ]
        for json in cases {
            #expect(read(json) == nil, "the reader read \(json)")
        }
    }

    @Test func aRecordItGivesUpOnStillDecodes() throws {
        let json = record(extra: #" "replaces" : null, "sourceResponses" : [ ],"#)
        #expect(read(json) == nil)
        #expect(try decoded(json).sourceResponses == [])
    }
}
