import Foundation
import LedgerCore
import LedgerIndex
import SystemPackage

/// An input as checked before an experiment is recorded: the use to record, the copy hashed
/// on this machine (nil when there is none), and a new version of its name to record first
/// when the copy is not the artifact the name recorded.
struct PreparedInput {
    var use: ArtifactUse
    var copy: PresentCopy?
    var newVersion: (request: TrackRequest, changed: ChangedInput)?
    /// Given as a path: its present bytes are what the researcher asked to record.
    var isGivenPath = false

    init(use: ArtifactUse, copy: PresentCopy?, isGivenPath: Bool = false) {
        self.use = use
        self.copy = copy
        self.isGivenPath = isGivenPath
    }
}

/// What to do with an input whose copy differs from what its name records.
enum ChangedInputPolicy {
    /// `repro run`: the command reads the present bytes; record them as a new version.
    case recordPresent
    /// `repro tag`: refuse, unless the researcher stated the recorded bytes were used.
    case refuse(asRecorded: Bool)
}

extension Workspace {
    /// Resolves and verifies every input (through the hash cache), then records the new
    /// versions found; on `.refuse` a changed input is an error and nothing is recorded.
    func prepareInputs(_ uses: [String], policy: ChangedInputPolicy, from directory: URL) throws -> [PreparedInput] {
        let resolver = ArtifactResolver(index: try index(), warn: warn)
        var prepared: [PreparedInput] = []
        var refused: [ChangedInput] = []
        for use in uses {
            let (role, reference) = Self.splitAssignment(use)
            var input = try prepareInput(reference, role: role, resolver: resolver, from: directory)
            if let changed = input.newVersion?.changed, !input.isGivenPath, case .refuse(let asRecorded) = policy {
                if !asRecorded {
                    refused.append(changed)
                } else {
                    input.newVersion = nil
                    input.use = ArtifactUse(digest: changed.recorded.digest, name: changed.name, role: role,
                                            layout: input.use.layout, verification: .statedAsRecorded)
                    warn("\(TerminalText.escaped(changed.name)): recorded as used with its recorded bytes (--as-recorded); the copy at \(TerminalText.escaped(changed.path)) differs")
                }
            }
            prepared.append(input)
        }
        if !refused.isEmpty { throw IdentityError.inputsChanged(refused) }
        for position in prepared.indices {
            guard let (request, changed) = prepared[position].newVersion.map({ ($0.request, $0.changed) }) else { continue }
            let tracked = try track(request, from: top)
            warn("input \(TerminalText.escaped(changed.name)) differs from its recorded bytes; the present bytes are recorded as a new version of "
                 + "\(changed.name.debugDescription):\n" + changed.description)
            prepared[position].use.digest = tracked.digest
            prepared[position].use.layout = tracked.layout
        }
        return prepared
    }

    /// A path is hashed and must be a tracked artifact or the recorded place of a name (then a new
    /// version of it); a name or digest is looked up and its copy on this machine, if any, hashed.
    private func prepareInput(_ reference: String, role: String?, resolver: ArtifactResolver, from directory: URL) throws -> PreparedInput {
        let records = try index()
        let path = absolutePath(reference, from: directory)
        if FileManager.default.fileExists(atPath: path), reference.contains("/") || reference.contains(".")
            || (try? ArtifactResolver(index: records).resolve(reference)) == nil {
            let copy = try PresentCopy.hash(path, recordedAs: displayPath(path), cache: hashCache(), progress: nil, warn: warn)
            if let record = try records.artifactRecords(copy.identity).last {
                return PreparedInput(use: ArtifactUse(digest: copy.identity.digest, name: record.value.name, role: role,
                                                      layout: copy.layout, verification: copy.verification), copy: copy, isGivenPath: true)
            }
            guard let previous = try newestRecord(withPath: copy.path) else {
                throw LedgerError.invalidInput(
                    "\(reference) (\(copy.identity.digest)) is not a tracked artifact; record it first with "
                    + "`repro track \(reference) --name NAME --kind KIND --license LICENSE`")
            }
            var input = PreparedInput(use: ArtifactUse(digest: copy.identity.digest, name: previous.name, role: role,
                                                       layout: copy.layout, verification: copy.verification), copy: copy, isGivenPath: true)
            input.newVersion = (newVersionRequest(of: previous, at: path), try changedInput(previous, copy: copy))
            return input
        }
        let identity = try resolver.resolve(reference)
        let recordsOfIt = try records.artifactRecords(identity).map(\.value)
        let newest = recordsOfIt.last!
        guard let found = copyPath(of: recordsOfIt) else {
            return PreparedInput(use: ArtifactUse(digest: identity.digest, name: newest.name, role: role, layout: newest.layout,
                                                  verification: .noCopy), copy: nil)
        }
        let copy = try PresentCopy.hash(found.absolute, recordedAs: found.recorded, cache: hashCache(), progress: nil, warn: warn)
        var input = PreparedInput(use: ArtifactUse(digest: copy.identity.digest, name: newest.name, role: role,
                                                   layout: newest.layout,
                                                   verification: copy.verification), copy: copy)
        if copy.identity != identity {
            input.newVersion = (newVersionRequest(of: newest, at: found.absolute), try changedInput(newest, copy: copy))
        }
        return input
    }

    /// The newest artifact record whose local path source is `path`, in any ledger.
    private func newestRecord(withPath path: String) throws -> ArtifactRecord? {
        var found: ArtifactRecord?
        try index().forEach(ArtifactRecord.self, recordType: .artifact) { record in
            if record.value.sources.contains(where: { $0.type == .path && $0.path == path }) { found = record.value }
        }
        return found
    }

    /// Tracks the present bytes under the same name, kind and license as the record they replace.
    private func newVersionRequest(of previous: ArtifactRecord, at path: String) -> TrackRequest {
        var request = TrackRequest(path: FilePath(path), name: previous.name, kind: previous.kind)
        request.license = previous.license
        request.newVersion = true
        return request
    }

    private func changedInput(_ record: ArtifactRecord, copy: PresentCopy) throws -> ChangedInput {
        var changed = ChangedInput(name: record.name, path: copy.path, recorded: record.identity, present: copy.identity)
        if record.layout == .folder, copy.layout == .folder {
            let difference = copy.difference(from: try index().manifest(of: record.digest)?.entries.map { ($0.path, $0.digest) })
            changed.changed = difference.changed
            changed.missing = difference.missing
            changed.added = difference.added
        }
        return changed
    }

    /// After the command: hashes every input copy again; one that changed during the run is
    /// recorded with the digest it ended with and named in a warning, file by file.
    func inputsAfterRun(_ inputs: [PreparedInput]) -> [ArtifactUse] {
        inputs.map { input -> ArtifactUse in
            guard let before = input.copy else { return input.use }
            var use = input.use
            do {
                let after = try PresentCopy.hash(before.absolutePath, recordedAs: before.path, cache: hashCache(), progress: nil, warn: warn)
                guard after.identity != before.identity else { return use }
                use.digestAfterRun = after.identity.digest
                var lines = ["input \(TerminalText.escaped(use.name)) (\(TerminalText.escaped(before.path))) changed during the run: \(before.identity) at the start, \(after.identity) at the end"]
                let (changed, missing, added) = after.difference(from: before.manifest?.entries.map { ($0.displayPath, $0.digest) })
                lines += changed.map { "    changed  \(TerminalText.escaped($0))" } + missing.map { "    missing  \(TerminalText.escaped($0))" } + added.map { "    added    \(TerminalText.escaped($0))" }
                warn(lines.joined(separator: "\n"))
            } catch {
                warn("input \(TerminalText.escaped(use.name)) (\(TerminalText.escaped(before.path))) could not be hashed after the run: \(error)")
            }
            return use
        }
    }
}
