import Foundation
import LedgerCore
import LedgerIndex

/// Where this machine keeps copies of artifacts: the work tree, the location store in
/// `.repro/`, and its Hugging Face cache. Records say what an artifact is; this says
/// where it is here.
extension Workspace {
    public var locationStoreURL: URL {
        get throws { try cacheFolder.appendingPathComponent("locations.sqlite") }
    }

    func locationStore() throws -> LocationStore { try LocationStore(url: locationStoreURL) }

    /// The store's path for a warning (when the cache folder itself is refused, its error says why).
    private var locationStoreShown: String { (try? locationStoreURL.path) ?? ".repro/locations.sqlite" }

    var huggingFaceCache: HuggingFaceCache { HuggingFaceCache(environment: environment) }

    /// True when `path`, with every symbolic link followed, lies inside the work tree.
    /// A committed symlink (`data -> /home/someone`) must not turn a record's relative
    /// path into a path outside.
    func resolvesInsideWorkTree(_ path: String) -> Bool {
        let top = self.top.resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return resolved == top || resolved.hasPrefix(top.hasSuffix("/") ? top : top + "/")
    }

    /// Remembers a copy outside the work tree for this machine; a failure is a warning,
    /// since the record itself is already written.
    func rememberOutsideCopy(_ digest: Digest, at path: String) -> String? {
        guard !resolvesInsideWorkTree(path) else { return nil }
        do {
            try locationStore().remember(digest, at: path, on: now())
            return path
        } catch {
            warn("could not remember where \(path) is on this machine (\(locationStoreShown): \(error)); "
                 + "run `repro locate` for it later")
            return nil
        }
    }

    /// Every copy of `digest` this machine knows of, best first, and the recorded paths it
    /// will not open. Opens no file: recorded paths are only compared and joined.
    func knownCopies(of digest: Digest, records: [ArtifactRecord]) -> ArtifactCopies {
        var copies = ArtifactCopies()
        var remembered: [String] = []
        do { remembered = try locationStore().paths(of: digest) } catch {
            warn("location store \(locationStoreShown) not used: \(error)")
        }
        let sources = records.reversed().flatMap(\.sources)
        for source in sources where source.type == .path {
            guard let recorded = source.path else { continue }
            if recorded.hasPrefix("/") {
                // An old record's absolute path: used only through the store below.
                if !remembered.contains(recorded) { copies.notOpened.append(recorded) }
                continue
            }
            guard HuggingFaceCache.plainComponents(recorded) != nil else { copies.notOpened.append(recorded); continue }
            let path = top.appendingPathComponent(recorded).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            if resolvesInsideWorkTree(path) || remembered.contains(path)
                || remembered.contains(URL(fileURLWithPath: path).resolvingSymlinksInPath().path) {
                copies.add(ArtifactCopy(path: path, shown: recorded, place: .workTree))
            } else {
                copies.notOpened.append(recorded)
            }
        }
        for path in remembered { copies.add(ArtifactCopy(path: path, shown: path, place: .thisMachine)) }
        let cache = huggingFaceCache
        let newest = records.last
        for source in sources where source.type == .huggingface {
            guard let repo = source.repo, let revision = source.revision else { continue }
            // Old records name the file only in their absolute cache path; read it as text.
            let file = source.path ?? sources.lazy.compactMap { other -> String? in
                guard other.type == .path, let old = other.path, old.hasPrefix("/"),
                      let snapshot = HuggingFaceSnapshot(path: old), snapshot.repository == repo, snapshot.revision == revision
                else { return nil }
                return HuggingFaceCache.fileWithinSnapshot(old)
            }.first
            // Without a file, only a folder artifact can be the whole snapshot.
            guard file != nil || newest?.layout == .folder,
                  let path = cache.snapshot(repository: repo, revision: revision, file: file) else { continue }
            copies.add(ArtifactCopy(path: path, shown: path, place: .huggingFaceCache))
        }
        return copies
    }
}

/// One copy of an artifact on this machine.
struct ArtifactCopy: Equatable {
    enum Place: String, Codable, Sendable {
        /// Inside the work tree, at the path a record gives relative to it.
        case workTree = "work-tree"
        /// Named by `repro track` or `repro locate` on this machine.
        case thisMachine = "this-machine"
        /// Found in this machine's Hugging Face cache by repository and revision.
        case huggingFaceCache = "huggingface-cache"
    }

    var path: String
    /// What to print: relative for work-tree copies.
    var shown: String
    var place: Place
}

struct ArtifactCopies {
    var found: [ArtifactCopy] = []
    /// Recorded paths this machine does not vouch for (absolute, with `..`, or leading outside).
    var notOpened: [String] = []

    mutating func add(_ copy: ArtifactCopy) {
        if !found.contains(where: { $0.path == copy.path }) { found.append(copy) }
    }

    /// The first copy that exists now.
    var present: ArtifactCopy? { found.first { FileManager.default.fileExists(atPath: $0.path) } }
}
