import Algorithms
import Foundation
import LedgerCore
import LedgerIndex

/// Everything the ledger knows about one artifact.
public struct ArtifactSummary: Codable, Sendable {
    public var digest: Digest
    public var names: [String]
    public var kinds: [ArtifactKind]
    public var layout: ArtifactLayout
    public var size: Int64
    public var files: Int
    public var ledgers: [String]
    public var licenses: [String]
    public var sources: [ArtifactSource]
    public var derivedFrom: [Digest]
    /// Hub ids a model card named as base model that were not tracked when recorded.
    public var externalParents: [String]
    public var derivatives: [Digest]
    public var availability: AvailabilityEvent?
    public var retainedCopy: AvailabilityEvent?
    public var events: [AvailabilityEvent]
    public var usedBy: [String]
    public var producedBy: [String]
    public var records: [String]
    /// When asked by name: every artifact the name has named, oldest first; the last is what it means now.
    public var versions: [NameVersion]? = nil
}

/// What `repro show` found: an artifact, or the runs of an experiment.
public enum ShowResult: Sendable {
    case artifact(ArtifactSummary)
    case experiment([ExperimentRecord])
}

extension Workspace {
    public func show(_ reference: String) throws -> ShowResult {
        let index = try index()
        let runs = try index.experiments(named: reference)
        let versions = try index.versions(named: reference)
        if !runs.isEmpty, versions.isEmpty {
            return .experiment(runs.map(\.value))
        }
        do {
            var found = try summary(of: ArtifactResolver(index: index).resolve(reference))
            if !versions.isEmpty { found.versions = versions }
            return .artifact(found)
        } catch LedgerError.unknownArtifact {
            // `show` takes experiments too, so suggest from both.
            let names = try index.artifactNames() + index.experimentNames()
            throw LedgerError.unknownReference(reference, suggestions: NameSuggestions.closest(to: reference, among: names))
        }
    }

    func summary(of identity: ArtifactIdentity) throws -> ArtifactSummary {
        let index = try index()
        let digest = identity.digest
        let records = try index.artifactRecords(identity)
        let events = try index.events(of: digest).map(\.value)
        let users = try index.experimentReferences(using: [identity])
        var producers: [String] = []
        try index.forEachProducer(of: digest) { producers.append($0) }
        let view = ArtifactView(digest: digest, records: records.map(\.value), ledgers: records.map(\.ledger),
                                events: events, asOf: nil)
        let newest = view.latest!
        return ArtifactSummary(
            digest: digest,
            names: view.names,
            kinds: view.kinds,
            layout: newest.layout, size: newest.size, files: newest.fileCount,
            ledgers: view.ledgers.sorted(),
            licenses: view.licenses,
            sources: view.sources,
            derivedFrom: view.derivedFrom,
            externalParents: Array(records.flatMap { $0.value.externalParents ?? [] }.uniqued()),
            derivatives: try index.children(of: [digest]),
            availability: view.availability,
            retainedCopy: view.retainedCopy,
            events: events,
            usedBy: Array(users.map(\.name).uniqued()),
            producedBy: producers,
            records: records.map(\.path))
    }
}
