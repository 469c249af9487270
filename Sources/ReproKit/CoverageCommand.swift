import Foundation
import LedgerCore
import LedgerReport
import SystemPackage

/// Everything `repro coverage` needs, as typed on the command line.
public struct CoverageRequest: Sendable {
    public var paper: FilePath
    /// Environments and sectioning commands whose labels must be backed; starred forms included.
    public var environments: [String] = CoverageReport.defaultEnvironments
    public var ledgers: [String] = []

    public init(paper: FilePath) { self.paper = paper }
}

extension Workspace {
    /// The paper's checked labels against the experiments of the chosen ledgers.
    public func coverage(_ request: CoverageRequest, from directory: URL) throws -> CoverageReport {
        for name in request.environments where name.isEmpty || !name.allSatisfy({ $0.isLetter || $0 == "*" }) {
            throw CoverageError.invalidEnvironment(name)
        }
        let snapshot = try snapshot(ledgers: request.ledgers)
        let paper = try PaperReader.read(absolutePath(request.paper, from: directory), displayedAs: request.paper.string)
        return CoverageReport(labels: paper.labels, files: paper.files, skipped: paper.skipped,
                              experiments: snapshot.experiments.map(\.value), environments: request.environments)
    }
}
