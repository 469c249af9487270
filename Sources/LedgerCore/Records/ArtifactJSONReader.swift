/// Reads an artifact record's stored JSON straight into an `ArtifactRecord`, for the index's
/// reads of a ledger's artifacts (20,000 in a lab ledger, thousands in a section's closure):
/// `JSONDecoder` was a seventh of a section statement's time. The same reader as
/// `ExperimentJSONReader`, with the same rule: it gives exactly what `JSONDecoder` gives or
/// gives up (nil), and is fuzzed against it (`fuzz/Sources/FuzzArtifactReader`).
///
/// A record carrying a model card, source responses or the version it replaces (what `hf` and
/// `--new-version` write) is left to `JSONDecoder`: rarer shapes, read the one careful way.
public enum ArtifactJSONReader {
    /// The record `bytes` hold, or nil where the reader leaves them to `JSONDecoder`.
    public static func record(_ bytes: UnsafeRawBufferPointer) -> ArtifactRecord? {
        var reader = ExperimentJSONReader.Reader(bytes: bytes.bindMemory(to: UInt8.self))
        guard let record = try? reader.artifact(), reader.atEnd() else { return nil }
        return record
    }
}

extension ExperimentJSONReader.Reader {
    /// The enclosing enum's name is not in scope in an extension of the nested reader.
    typealias GiveUp = ExperimentJSONReader.GiveUp

    mutating func artifact() throws(GiveUp) -> ArtifactRecord {
        var schema: String?, digest: Digest?, name: String?, kind: ArtifactKind?, layout: ArtifactLayout?
        var size: Int64?, fileCount: Int?, sources: [ArtifactSource]?, license: String?, derivedFrom: [Digest]?
        var recordedAt: String?, recordedBy: Agent?, note: String?, externalParents: [String]?
        var seen = Seen()
        try members { (reader: inout Self, key: String) throws(GiveUp) in
            switch key {
            case "schema": try seen.once(0); schema = try reader.string()
            case "digest": try seen.once(1); digest = try reader.digest()
            case "name": try seen.once(2); name = try reader.string()
            case "kind": try seen.once(3); kind = try reader.enumeration(ArtifactKind.self)
            case "layout": try seen.once(4); layout = try reader.enumeration(ArtifactLayout.self)
            case "size": try seen.once(5); size = try reader.integer(Int64.self)
            case "fileCount": try seen.once(6); fileCount = try reader.integer(Int.self)
            case "sources":
                try seen.once(7)
                var items: [ArtifactSource] = []
                try reader.elements { (r: inout Self) throws(GiveUp) in items.append(try r.source()) }
                sources = items
            case "license": try seen.once(8); license = try reader.optional { (r: inout Self) throws(GiveUp) in try r.string() }
            case "derivedFrom":
                try seen.once(9)
                var items: [Digest] = []
                try reader.elements { (r: inout Self) throws(GiveUp) in items.append(try r.digest()) }
                derivedFrom = items
            case "recordedAt": try seen.once(10); recordedAt = try reader.string()
            case "recordedBy": try seen.once(11); recordedBy = try reader.agent()
            case "note": try seen.once(12); note = try reader.optional { (r: inout Self) throws(GiveUp) in try r.string() }
            case "externalParents":
                try seen.once(13)
                externalParents = try reader.optional { (r: inout Self) throws(GiveUp) in try r.strings() }
            // Absent or null, as `decodeIfPresent` reads them; a value is JSONDecoder's to read.
            case "card", "sourceResponses", "replaces":
                guard reader.null() else { throw GiveUp() }
            default: throw GiveUp()
            }
        }
        guard let schema, let digest, let name, let kind, let layout, let size, let fileCount, let sources,
              let derivedFrom, let recordedAt, let recordedBy else { throw GiveUp() }
        var record = ArtifactRecord(digest: digest, name: name, kind: kind, layout: layout, size: size, fileCount: fileCount,
                                    sources: sources, license: license, derivedFrom: derivedFrom, recordedAt: recordedAt,
                                    recordedBy: recordedBy, note: note)
        record.schema = schema
        record.externalParents = externalParents
        return record
    }

    mutating func source() throws(GiveUp) -> ArtifactSource {
        var type: ArtifactSource.SourceType?, url: String?, repo: String?, revision: String?, path: String?
        var seen = Seen()
        try members { (reader: inout Self, key: String) throws(GiveUp) in
            switch key {
            case "type": try seen.once(0); type = try reader.enumeration(ArtifactSource.SourceType.self)
            case "url": try seen.once(1); url = try reader.optional { (r: inout Self) throws(GiveUp) in try r.string() }
            case "repo": try seen.once(2); repo = try reader.optional { (r: inout Self) throws(GiveUp) in try r.string() }
            case "revision": try seen.once(3); revision = try reader.optional { (r: inout Self) throws(GiveUp) in try r.string() }
            case "path": try seen.once(4); path = try reader.optional { (r: inout Self) throws(GiveUp) in try r.string() }
            default: throw GiveUp()
            }
        }
        guard let type else { throw GiveUp() }
        return ArtifactSource(type: type, url: url, repo: repo, revision: revision, path: path)
    }
}
