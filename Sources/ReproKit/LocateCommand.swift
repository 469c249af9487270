import Foundation
import LedgerCore
import SystemPackage

/// What `repro locate` remembered.
public struct LocateOutcome: Codable, Sendable {
    public var digest: Digest
    public var name: String
    public var path: String
    /// The machine-local store it was written to, relative to the work tree when inside it.
    public var store: String
}

extension Workspace {
    /// Tells this machine where a copy of a recorded artifact lives: hashes `path` and,
    /// when its digest and layout are the recorded ones, remembers it in `.repro/`.
    /// Nothing is written to the ledger.
    public func locate(_ reference: String, at path: FilePath, from directory: URL, useCache: Bool = true,
                       progress: HashProgress? = nil) throws -> LocateOutcome {
        let index = try index()
        let identity = try ArtifactResolver(index: index).resolve(reference)
        let digest = identity.digest
        let records = try index.artifactRecords(identity).map(\.value)
        let newest = records.last!
        let absolute = URL(fileURLWithPath: absolutePath(path, from: directory)).standardizedFileURL.path
        if let kind = Self.specialKind(absolute) { throw HashingError.specialFile(path: absolute, kind: kind) }
        let observed = try ArtifactObservation.make(path: absolute, workspace: self, useCache: useCache, progress: progress)
        // Content stands in for a recorded pointer; a pointer is not a copy of the content.
        let layoutFits = observed.layout == newest.layout || (newest.layout == .lfsPointer && observed.layout == .file)
        guard observed.digest == digest, layoutFits else {
            throw LocationError.differentArtifact(name: newest.name, path: absolute, recorded: digest, recordedLayout: newest.layout,
                                                  found: observed.digest, foundLayout: observed.layout)
        }
        try locationStore().remember(digest, at: absolute, on: now())
        return LocateOutcome(digest: digest, name: newest.name, path: absolute, store: displayPath(try locationStoreURL.path))
    }
}

/// Why a location was not remembered.
public enum LocationError: Error, Equatable, CustomStringConvertible, CategorizedError {
    case differentArtifact(name: String, path: String, recorded: Digest, recordedLayout: ArtifactLayout,
                           found: Digest, foundLayout: ArtifactLayout)

    public var category: ErrorCategory { .checkFailed }

    public var description: String {
        switch self {
        case let .differentArtifact(name, path, recorded, recordedLayout, found, foundLayout):
            return "\(path) is not a copy of \(name): recorded \(recorded) (\(recordedLayout.rawValue)), "
                + "found \(found) (\(foundLayout.rawValue)); nothing remembered"
        }
    }
}
