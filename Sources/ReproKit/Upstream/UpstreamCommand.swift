import Algorithms
import Dispatch
import Foundation
import LedgerCore
import LedgerIndex
import Synchronization

/// Why `upstream` did not ask anything.
public enum UpstreamError: Error, Equatable, CustomStringConvertible, CategorizedError {
    case offline

    public var category: ErrorCategory { .environment }

    public var description: String {
        switch self {
        case .offline:
            "HF_HUB_OFFLINE is set, so `repro upstream` asks nothing: it exists to ask the Hub and source URLs. "
                + "Unset HF_HUB_OFFLINE to run it"
        }
    }
}

extension Workspace {
    /// Requests in flight at once: polite to the Hub, and enough for a paper's artifacts.
    static let upstreamConcurrency = 4

    /// Asks the Hub (and source URLs) about every artifact with such a source, or the named
    /// ones; with `record`, appends an availability event where the observed status differs
    /// from the ledger's current view. Unreachable answers conclude and record nothing.
    public func upstream(_ references: [String], record: Bool, ledger: String? = nil) throws -> UpstreamReport {
        let access = HubAccess(environment: environment)
        if access.offline { throw UpstreamError.offline }
        let subjects = try upstreamSubjects(references)
        let check = UpstreamCheck(client: HTTPClient(environment: environment), access: access, now: now())
        let results = Mutex<[UpstreamResult?]>(Array(repeating: nil, count: subjects.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(Self.upstreamConcurrency, subjects.count)) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                if index >= subjects.count { return }
                let result = check.run(subjects[index])
                results.withLock { $0[index] = result }
            }
        }
        var report = UpstreamReport(artifacts: results.withLock { $0.map { $0! } })
        if record {
            let day = String(now().prefix(10))
            for (position, result) in report.artifacts.enumerated() {
                guard let status = result.status, status != result.recordedStatus, let observation = result.observation else { continue }
                let subject = subjects[position]
                let event = {
                    var event = AvailabilityEvent(digest: result.digest, status: status, asOf: day, evidence: observation.url,
                                                  note: result.findings.first { !$0.hasPrefix("status:") }, recordedAt: now(), recordedBy: agent)
                    event.observation = observation
                    return event
                }()
                let written = try store.write(.availability(event), to: ledger ?? subject.ledger)
                report.artifacts[position].recorded = written.file.relativePath
            }
        }
        return report
    }

    /// The artifacts to ask about, with what the ledger holds of each.
    func upstreamSubjects(_ references: [String]) throws -> [UpstreamSubject] {
        let index = try index()
        var digests: [Digest] = []
        if references.isEmpty {
            try index.forEach(ArtifactRecord.self, recordType: .artifact) { digests.append($0.value.digest) }
        } else {
            let resolver = ArtifactResolver(index: index)
            digests = try references.map { try resolver.resolve($0).digest }
        }
        var subjects: [UpstreamSubject] = []
        for digest in digests.uniqued() {
            let records = try index.artifactRecords(digest)
            guard let newest = records.last else { continue }
            let sources = records.reversed().flatMap(\.value.sources)
            let hubSource = sources.first { $0.type == .huggingface && $0.repo != nil && $0.revision != nil }
            let urls = Array(sources.compactMap { $0.type == .url ? $0.url : nil }
                .filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }.uniqued())
            guard hubSource != nil || !urls.isEmpty else {
                if !references.isEmpty { warn("\(newest.value.name) has no Hugging Face or http(s) source; not asked") }
                continue
            }
            let hub = hubSource.map {
                UpstreamSubject.HubOrigin(repo: $0.repo!, revision: $0.revision!,
                                          type: newest.value.kind == .dataset ? "datasets" : "models")
            }
            let events = try index.events(of: digest).map(\.value)
            subjects.append(UpstreamSubject(
                digest: digest, name: newest.value.name, ledger: newest.ledger, hub: hub,
                urls: urls.map { url in
                    UpstreamSubject.URLSource(url: url, responseWhenTracked: records.reversed().lazy
                        .compactMap { $0.value.sourceResponses?.first { $0.url == url } }.first)
                },
                files: hub == nil ? [] : try recordedFiles(digest, newest.value, index: index),
                license: records.reversed().compactMap(\.value.license).first,
                current: AvailabilityFold.status(of: events)?.status ?? .open))
        }
        // All artifacts: by name, so reports compare across runs; named ones: as given.
        return references.isEmpty ? subjects.sorted { ($0.name, $0.digest.hex) < ($1.name, $1.digest.hex) } : subjects
    }

    /// The files to compare with the Hub: a folder's manifest (the one with git blob ids when
    /// there are several), or a single snapshot file under its path in the repo.
    private func recordedFiles(_ digest: Digest, _ record: ArtifactRecord, index: RecordIndex) throws -> [UpstreamSubject.File] {
        switch record.layout {
        case .folder:
            let manifests = try index.manifests(of: digest)
            guard let manifest = manifests.first(where: { $0.entries.contains { $0.gitBlob != nil } }) ?? manifests.first else { return [] }
            return manifest.entries.map { .init(path: $0.path, sha256: $0.digest.hex, gitBlob: $0.gitBlob) }
        case .file, .lfsPointer:
            guard let local = record.sources.compactMap(\.path).first, let range = local.range(of: "/snapshots/") else { return [] }
            let inside = local[range.upperBound...].split(separator: "/", maxSplits: 1)
            guard inside.count == 2 else { return [] }
            return [.init(path: String(inside[1]), sha256: digest.hex, gitBlob: nil)]
        }
    }
}
