import Foundation
import LedgerCore

/// Everything `repro track` needs, as typed on the command line.
public struct TrackRequest: Sendable {
    public var path: String
    public var name: String
    public var kind: String
    public var sources: [String] = []
    public var huggingFace: String?
    public var license: String?
    public var derivedFrom: [String] = []
    public var ledger: String = "main"
    public var note: String?
    public var useCache = true

    public init(path: String, name: String, kind: String) {
        self.path = path
        self.name = name
        self.kind = kind
    }
}

/// What `repro track` recorded.
public struct TrackOutcome: Codable, Sendable {
    public var digest: Digest
    public var name: String
    public var kind: ArtifactKind
    public var layout: ArtifactLayout
    public var size: Int64
    public var files: Int
    public var record: String
    public var created: Bool
    public var sources: [ArtifactSource]
}

extension Workspace {
    /// Hashes `request.path` and records an artifact; every input is checked before anything is written.
    public func track(_ request: TrackRequest, from directory: URL, progress: HashProgress? = nil) throws -> TrackOutcome {
        try store.requireLedger(request.ledger)
        try Names.validate(request.name, as: .artifact)
        let kind = try Parse.kind(request.kind)
        let license = try request.license.map(Parse.license)
        let huggingFace = try request.huggingFace.map(Parse.huggingFace)
        for url in request.sources { try Parse.url(url, option: "--source") }
        let parents = try request.derivedFrom.map { try ArtifactResolver(index: index()).resolve($0) }

        let path = absolutePath(request.path, from: directory)
        let observed = try ArtifactObservation.make(path: path, workspace: self, useCache: request.useCache, progress: progress)

        var sources = request.sources.map(ArtifactSource.url)
        if let huggingFace {
            sources.append(.huggingFace(repo: huggingFace.repo, revision: huggingFace.revision))
        } else if let snapshot = HuggingFaceSnapshot(path: path) {
            sources.append(.huggingFace(repo: snapshot.repository, revision: snapshot.revision))
        }
        sources.append(.localPath(displayPath(path)))

        if let manifest = observed.manifest {
            try store.write(.manifest(ManifestRecord(manifest)), to: request.ledger)
        }
        let record = ArtifactRecord(
            digest: observed.digest, name: request.name, kind: kind, layout: observed.layout, size: observed.size,
            fileCount: observed.fileCount, sources: sources, license: license, derivedFrom: parents,
            recordedAt: now(), recordedBy: agent, note: request.note)
        let written = try store.write(.artifact(record), to: request.ledger)
        return TrackOutcome(digest: record.digest, name: record.name, kind: kind, layout: record.layout, size: record.size,
                            files: record.fileCount, record: written.file.relativePath, created: written.created,
                            sources: sources)
    }
}
