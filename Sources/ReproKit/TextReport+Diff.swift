/// Text form of `repro diff`.
extension TextReport {
    public static func diff(_ diff: LedgerDiff) -> String {
        let range = "from \(point(diff.from)) to \(point(diff.to))"
        var text = ""
        if diff.ledgers.isEmpty {
            text = "no records added \(range)\n"
        } else {
            text = "records added \(range)\n"
            for ledger in diff.ledgers {
                text += "\nledger \(ledger.ledger): \(ledger.records.count) record\(ledger.records.count == 1 ? "" : "s")\n"
                text += ledger.records.map { "  + \(safe($0.summary))\n" }.joined()
            }
        }
        if !diff.removed.isEmpty {
            let count = diff.removed.count
            text += "\n\(count) record\(count == 1 ? " was" : "s were") removed; records are only ever added, so this changes "
                + "what the ledger said (`git checkout \(diff.from.commit.prefix(12)) -- PATH` restores one):\n"
            text += diff.removed.map { $0.summary == $0.path ? "  - \(safe($0.path))\n" : "  - \(safe($0.summary)) (\(safe($0.path)))\n" }.joined()
        }
        if !diff.problems.isEmpty {
            text += "\n\(diff.problems.count) added file\(diff.problems.count == 1 ? " fails its" : "s fail their") check:\n"
            text += diff.problems.map { "  ! \(safe($0.path)): \(safe($0.problem))\n" }.joined()
        }
        return text
    }

    private static func point(_ point: RevisionPoint) -> String {
        "\(point.revision) (\(point.commit.prefix(12)))"
    }
}
