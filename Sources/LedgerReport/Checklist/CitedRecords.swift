/// The records a checklist answer cites, kept as the artifacts and experiments themselves and
/// worded ("artifact DIGEST NAME", "experiment LEDGER/NAME START") only when written out: an
/// AAAI checklist of a lab ledger cites its 100,000 runs in four answers, and a line each was
/// 100 bytes apiece held to the end while only JSON prints them.
struct CitedRecords: Sendable {
    private enum Source: Sendable {
        case lines([String])
        case artifacts([DisclosedArtifact])
        case experiments([DisclosedExperiment])
    }

    private let source: Source

    init(lines: [String]) { source = .lines(lines) }
    init(artifacts: [DisclosedArtifact]) { source = .artifacts(artifacts) }
    init(experiments: [DisclosedExperiment]) { source = .experiments(experiments) }

    var count: Int {
        switch source {
        case .lines(let lines): lines.count
        case .artifacts(let artifacts): artifacts.count
        case .experiments(let experiments): experiments.count
        }
    }

    /// Each line in order, made one at a time.
    func forEachLine(_ body: (String) throws -> Void) rethrows {
        switch source {
        case .lines(let lines): try lines.forEach(body)
        case .artifacts(let artifacts): try artifacts.forEach { try body("artifact \($0.digest) \($0.name)") }
        case .experiments(let experiments): try experiments.forEach { try body("experiment \($0.ledger)/\($0.name) \($0.startedAt)") }
        }
    }

    var lines: [String] {
        var out: [String] = []
        out.reserveCapacity(count)
        forEachLine { out.append($0) }
        return out
    }
}
