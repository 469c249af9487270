/// Text form of `repro commit`.
extension TextReport {
    public static func committed(_ report: CommitReport) -> String {
        guard report.committed, let commit = report.commit else {
            return "nothing to commit: \(report.paths.joined(separator: " and ")) \(report.paths.count == 1 ? "is" : "are") the same as in HEAD\n"
        }
        let subject = (report.message ?? "").prefix { $0 != "\n" }
        var counts: [String] = []
        for (number, verb) in [(report.added.count, "added"), (report.changed.count, "changed"), (report.removed.count, "removed")] where number > 0 {
            counts.append("\(number) \(verb)")
        }
        let files = report.added.count + report.changed.count + report.removed.count
        return "committed \(commit.prefix(12)) \(subject)\n  \(files) file\(files == 1 ? "" : "s"): \(counts.joined(separator: ", "))\n"
    }
}
