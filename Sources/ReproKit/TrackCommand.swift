import Foundation
import LedgerCore
import LedgerReport

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
    /// Record these bytes under a name that already names other bytes; the name keeps its history.
    public var newVersion = false

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
    /// The copy outside the work tree that this machine now remembers (never recorded).
    public var location: String?
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
        let parents = try request.derivedFrom.map { try ArtifactResolver(index: index()).resolve($0).digest }

        if let license { warnAboutUnknownLicenses(in: license) }

        let path = absolutePath(request.path, from: directory)
        let observed = try ArtifactObservation.make(path: path, workspace: self, useCache: request.useCache, progress: progress)
        if !request.newVersion, let latest = try index().versions(named: request.name).last, latest.identity != observed.identity {
            throw IdentityError.nameTaken(name: request.name, existing: latest.identity, recordedAt: latest.lastRecordedAt,
                                          path: request.path, new: observed.identity)
        }
        let earlierNames = Set(try index().artifactRecords(observed.identity).map(\.value.name)).subtracting([request.name])
        if !earlierNames.isEmpty {
            warn("these bytes (\(observed.digest)) are already recorded as \(earlierNames.sorted().map(\.debugDescription).joined(separator: ", ")); "
                 + "\(request.name.debugDescription) becomes another name of the same artifact")
        }

        var sources = request.sources.map(ArtifactSource.url)
        // The file within a cached snapshot lets other machines find it in their own HF cache.
        let fileInSnapshot = HuggingFaceSnapshot(path: path) == nil ? nil : HuggingFaceCache.fileWithinSnapshot(path)
        if let huggingFace {
            sources.append(.huggingFace(repo: huggingFace.repo, revision: huggingFace.revision, file: fileInSnapshot))
        } else if let snapshot = HuggingFaceSnapshot(path: path) {
            sources.append(.huggingFace(repo: snapshot.repository, revision: snapshot.revision, file: fileInSnapshot))
        }
        // Records carry no absolute path of this machine: a copy outside the work tree is
        // remembered in .repro/ instead (below, once the record is written).
        let relative = displayPath(path)
        if !relative.hasPrefix("/") { sources.append(.localPath(relative)) }

        if let manifest = observed.manifest {
            try store.write(.manifest(ManifestRecord(manifest)), to: request.ledger)
        }
        let record = ArtifactRecord(
            digest: observed.digest, name: request.name, kind: kind, layout: observed.layout, size: observed.size,
            fileCount: observed.fileCount, sources: sources, license: license, derivedFrom: parents,
            recordedAt: now(), recordedBy: agent, note: request.note)
        let written = try store.write(.artifact(record), to: request.ledger)
        let remembered = rememberOutsideCopy(record.digest, at: path)
        return TrackOutcome(digest: record.digest, name: record.name, kind: kind, layout: record.layout, size: record.size,
                            files: record.fileCount, record: written.file.relativePath, created: written.created,
                            sources: sources, location: remembered)
    }
}

extension Workspace {
    /// A typo in a license id would silently become "license unknown" in the paper; say so now.
    /// `LicenseRef-` ids are the researchers' own (defined with `repro license add`).
    func warnAboutUnknownLicenses(in expression: String) {
        guard let parsed = try? LicenseExpression(parsing: expression) else { return }
        let catalog = LicenseCatalog.builtIn
        for id in parsed.licenseIDs where !id.hasPrefix("LicenseRef-") && catalog.license(for: id) == nil {
            let known = catalog.licenses.flatMap { [$0.id, $0.spdxID] + ($0.hfTag.map { [$0] } ?? []) }
            let suggestions = NameSuggestions.closest(to: id, among: known)
            warn("license \(id.debugDescription) is not in the catalog"
                 + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.map(\.debugDescription).joined(separator: " or "))?")
                 + " (`repro license list`; define your own with `repro license add`)")
        }
    }
}
