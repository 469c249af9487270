import Foundation
import LedgerCore
import LedgerReport
import SystemPackage

/// Everything `repro track` needs, as typed on the command line.
public struct TrackRequest: Sendable {
    public var path: FilePath
    /// Nil for a Hugging Face snapshot: it is named by its repo id.
    public var name: String?
    public var kind: ArtifactKind
    public var sources: [String] = []
    public var huggingFace: String?
    public var license: String?
    public var derivedFrom: [String] = []
    public var ledger: String = "main"
    public var note: String?
    public var useCache = true
    /// Record these bytes under a name that already names other bytes; the name keeps its history.
    public var newVersion = false
    /// Record `--hf` even where it contradicts the snapshot path.
    public var forceHuggingFace = false

    public init(path: FilePath, name: String?, kind: ArtifactKind) {
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
    public var license: String?
    public var derivedFrom: [Digest] = []
    public var externalParents: [String] = []
}

extension Workspace {
    /// Hashes `request.path` and records an artifact; every input is checked before anything is written.
    public func track(_ request: TrackRequest, from directory: URL, progress: HashProgress? = nil) throws -> TrackOutcome {
        try store.requireLedger(request.ledger)
        let kind = request.kind
        let flagLicense = try request.license.map(Parse.license)
        let flagHub = try request.huggingFace.map(Parse.huggingFace)
        for url in request.sources { try Parse.url(url, option: "--source") }
        let flagParents = try request.derivedFrom.map { try ArtifactResolver(index: index()).resolve($0).digest }
        let path = absolutePath(request.path, from: directory)
        let hub = huggingFaceOrigin(flag: flagHub, snapshot: HuggingFaceSnapshot(path: path), force: request.forceHuggingFace)
        guard let name = request.name ?? hub?.repo else {
            throw LedgerError.invalidInput("--name is required unless PATH is a Hugging Face snapshot (then its repo id is the name)")
        }
        try Names.validate(name, as: .artifact)

        let card = HuggingFaceSnapshot.root(of: path).flatMap { root -> ModelCard? in
            do { return try ModelCard.read(folder: root) } catch {
                warn("\(error)")
                return nil
            }
        }
        let license = chooseLicense(flag: flagLicense, card: card, hubOrigin: hub != nil)
        if let license { warnAboutUnknownLicenses(in: license) }
        let lineage = try chooseLineage(flag: flagParents, flagText: request.derivedFrom, card: card)

        let observed = try ArtifactObservation.make(path: path, workspace: self, useCache: request.useCache, progress: progress)
        let latest = try index().versions(named: name).last
        if !request.newVersion, let latest, latest.identity != observed.identity {
            throw IdentityError.nameTaken(name: name, existing: latest.identity, recordedAt: latest.lastRecordedAt,
                                          path: request.path.string, new: observed.identity)
        }
        let earlierNames = Set(try index().artifactRecords(observed.identity).map(\.value.name)).subtracting([name])
        if !earlierNames.isEmpty {
            warn("these bytes (\(observed.digest)) are already recorded as \(earlierNames.sorted().map(\.debugDescription).joined(separator: ", ")); "
                 + "\(name.debugDescription) becomes another name of the same artifact")
        }

        var sources = request.sources.map(ArtifactSource.url)
        // The file within a cached snapshot lets other machines find it in their own HF cache.
        let fileInSnapshot = HuggingFaceSnapshot(path: path) == nil ? nil : HuggingFaceCache.fileWithinSnapshot(path)
        if let hub { sources.append(.huggingFace(repo: hub.repo, revision: hub.revision, file: fileInSnapshot)) }
        // Records carry no absolute path of this machine: a copy outside the work tree is
        // remembered in .repro/ instead (below, once the record is written).
        let relative = displayPath(path)
        if !relative.hasPrefix("/") { sources.append(.localPath(relative)) }

        if let manifest = observed.manifest {
            try store.write(.manifest(ManifestRecord(manifest, gitBlobs: observed.blobs?.gitBlobs ?? [:])), to: request.ledger)
        }
        // Bytes a run left unchanged are not derived from themselves: a loop in the lineage says nothing.
        let parents = lineage.parents.filter { $0 != observed.digest }
        if parents.count < lineage.parents.count {
            warn("\(name.debugDescription) holds the same bytes (\(observed.digest)) as the artifact it is derived from; "
                 + "not recorded as derived from itself")
        }
        var record = ArtifactRecord(
            digest: observed.digest, name: name, kind: kind, layout: observed.layout, size: observed.size,
            fileCount: observed.fileCount, sources: sources, license: license, derivedFrom: parents,
            recordedAt: now(), recordedBy: agent, note: request.note)
        record.externalParents = lineage.external.isEmpty ? nil : lineage.external
        if let latest, latest.identity != observed.identity { record.replaces = latest.identity }
        record.card = card
        let responses = probeSources(request.sources)
        record.sourceResponses = responses.isEmpty ? nil : responses
        let written = try store.write(.artifact(record), to: request.ledger)
        let remembered = rememberOutsideCopy(record.digest, at: path)
        return TrackOutcome(digest: record.digest, name: record.name, kind: kind, layout: record.layout, size: record.size,
                            files: record.fileCount, record: written.file.relativePath, created: written.created,
                            sources: sources, location: remembered, license: license, derivedFrom: parents, externalParents: lineage.external)
    }
}

extension Workspace {
    /// The Hub origin to record. The snapshot path names the bytes that were hashed, so it
    /// wins over a contradicting `--hf` unless that is forced; both cases are said.
    func huggingFaceOrigin(flag: (repo: String, revision: String)?, snapshot: HuggingFaceSnapshot?,
                           force: Bool) -> (repo: String, revision: String)? {
        var origin = flag ?? snapshot.map { ($0.repository, $0.revision) }
        if let flag, let snapshot {
            let agrees = flag.repo == snapshot.repository && snapshot.revision.hasPrefix(flag.revision)
            let path = "\(snapshot.repository)@\(snapshot.revision)"
            if agrees {
                origin = (snapshot.repository, snapshot.revision)
            } else if force {
                warn("--hf \(flag.repo)@\(flag.revision) contradicts the snapshot path, which says \(path); "
                     + "recording --hf as --force-hf asks")
            } else {
                origin = (snapshot.repository, snapshot.revision)
                warn("--hf \(flag.repo)@\(flag.revision) contradicts the snapshot path, which says \(path); recording \(path), "
                     + "the revision whose bytes were hashed (--force-hf records --hf instead)")
            }
        }
        if let origin, !HuggingFaceSnapshot.isCommit(origin.revision) {
            warn("revision \(origin.revision.debugDescription) of \(origin.repo) pins nothing: the Hub can move `\(origin.revision)`; "
                 + "give the 40-hex commit (--hf \(origin.repo)@<commit>)")
        }
        return origin
    }

    /// `--license` wins over the card; a disagreement, or no license at all for a Hub
    /// artifact, is a warning.
    func chooseLicense(flag: String?, card: ModelCard?, hubOrigin: Bool) -> String? {
        var fromCard: String?
        if let raw = card?.ledgerLicense {
            do { fromCard = try Parse.license(raw) } catch {
                warn("model card license \(raw.debugDescription) is not a license id repro accepts; not recorded")
            }
        }
        if let flag, let fromCard, flag != fromCard {
            warn("--license \(flag) differs from the model card's license \(fromCard); recording --license \(flag)")
        }
        let license = flag ?? fromCard
        if license == nil, hubOrigin {
            warn("no license recorded: neither --license nor the model card (README.md `license:`) gives one")
        }
        return license
    }

    /// `--derived-from` wins over the card's `base_model`; card ids tracked in the ledger
    /// become lineage, the others are kept as external parents.
    func chooseLineage(flag: [Digest], flagText: [String], card: ModelCard?) throws -> (parents: [Digest], external: [String]) {
        guard let card, !card.baseModels.isEmpty else { return (flag, []) }
        var parents: [Digest] = []
        var external: [String] = []
        for id in card.baseModels {
            if let digest = try index().digests(named: id, ledger: nil).first {
                if !parents.contains(digest) { parents.append(digest) }
            } else if !external.contains(id) {
                external.append(id)
            }
        }
        guard flag.isEmpty else {
            if Set(flag) != Set(parents) || !external.isEmpty {
                warn("--derived-from \(flagText.joined(separator: ", ")) differs from the model card's base_model "
                     + "\(card.baseModels.joined(separator: ", ")); recording --derived-from")
            }
            return (flag, [])
        }
        return (parents, external)
    }
}

extension Workspace {
    /// A typo in a license id would silently become "license unknown" in the paper; say so now.
    /// `LicenseRef-` ids are the researchers' own; so are those the ledgers define with
    /// `repro license add`, which are known too.
    func warnAboutUnknownLicenses(in expression: String) {
        guard let parsed = try? LicenseExpression(parsing: expression) else { return }
        var defined: [License] = []
        try? index().forEach(LicenseRecord.self, recordType: .license) { entry in
            if let license = try? License(record: entry.value) { defined.append(license) }
        }
        let catalog = LicenseCatalog.builtIn.adding(defined)
        for id in parsed.licenseIDs where !id.hasPrefix("LicenseRef-") && catalog.license(for: id) == nil {
            let known = catalog.licenses.flatMap { [$0.id, $0.spdxID] + ($0.hfTag.map { [$0] } ?? []) }
            let suggestions = NameSuggestions.closest(to: id, among: known)
            warn("license \(id.debugDescription) is not in the catalog"
                 + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.map(\.debugDescription).joined(separator: " or "))?")
                 + " (`repro license list`; define your own with `repro license add`)")
        }
    }
}
