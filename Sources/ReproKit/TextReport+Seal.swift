/// Text forms of `repro seal` and `repro verify --seal`.
extension TextReport {
    public static func sealed(_ outcome: SealOutcome) -> String {
        var text = ""
        if outcome.ledgerCommit.committed { text += committed(outcome.ledgerCommit) }
        text += "sealed ledger \(outcome.ledger) #\(outcome.sequence): \(outcome.records) record\(outcome.records == 1 ? "" : "s")\n"
        text += "  root         \(outcome.root)\n"
        text += "  seal record  \(outcome.sealRecordPath)\n"
        text += "  commit       \(outcome.commit)\n"
        text += "  tag          \(outcome.tag)\n"
        text += "Cite the root; anyone can check it with `repro verify --seal \(outcome.tag)`. Publish the tag with `git push origin \(outcome.tag)`.\n"
        return text
    }

    public static func sealCheck(_ check: SealCheck) -> String {
        var text = "\(check.matches ? "ok" : "MISMATCH")  \(check.tag)  ledger \(check.ledger) #\(check.sequence) at commit \(check.commit.prefix(12))\n"
        text += "  sealed  \(tally(check.sealed))\n"
        text += "  found   \(tally(check.found))"
        let difference = check.found.records - check.sealed.records
        if difference != 0 { text += " (\(abs(difference)) \(difference > 0 ? "more" : "fewer") than sealed)" }
        text += "\n"
        text += check.problems.map { "  ! \(safe($0.path)): \(safe($0.problem))\n" }.joined()
        text += check.matches ? "the records at the tagged commit hash to the sealed root\n"
            : "the tagged commit does not hold the records that were sealed\n"
        return text
    }

    private static func tally(_ tally: SealCheck.Tally) -> String {
        "\(tally.records) record\(tally.records == 1 ? "" : "s"), root \(tally.root)"
    }
}
