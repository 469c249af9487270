import LedgerCore
import LedgerIndex

/// The human-readable forms of command results; `--json` prints the Codable values instead.
public enum TextReport {
    public static func size(_ bytes: Int64) -> String { ProgressLine.bytes(bytes) }

    /// `sha256:ab12cd34ef56` — enough to be unique in practice, and accepted back as a prefix.
    public static func short(_ digest: Digest) -> String { "sha256:" + digest.hex.prefix(12) }

    /// Every name or path from disk or from a record goes through this before it is printed as text.
    static func safe(_ text: String) -> String { TerminalText.escaped(text) }

    public static func initialized(_ outcome: InitOutcome) -> String {
        var text = outcome.created ? "created \(outcome.ledgerFolder)\n" : "\(outcome.ledgerFolder) already exists\n"
        if outcome.gitignoreUpdated { text += "added .repro/ to .gitignore\n" }
        return text
    }

    public static func tracked(_ outcome: TrackOutcome) -> String {
        var text = "\(outcome.digest)  \(safe(outcome.name))\n"
        let what = outcome.layout == .folder ? "\(outcome.files) file\(outcome.files == 1 ? "" : "s"), \(size(outcome.size))"
            : outcome.layout == .lfsPointer ? "git-LFS pointer to \(size(outcome.size)); content not hashed" : size(outcome.size)
        text += "  \(outcome.kind.rawValue), \(what); \(outcome.created ? "recorded in" : "already recorded in") \(safe(outcome.record))\n"
        if let location = outcome.location { text += "  outside the work tree: this machine remembers \(safe(location)) (not recorded)\n" }
        return text
    }

    public static func located(_ outcome: LocateOutcome) -> String {
        "\(safe(outcome.name)) (\(short(outcome.digest))) is at \(safe(outcome.path)) on this machine; remembered in \(safe(outcome.store))\n"
    }

    public static func availability(_ outcome: AvailabilityOutcome) -> String {
        "\(safe(outcome.name)) (\(short(outcome.digest))) is \(outcome.status.rawValue) as of \(outcome.asOf); "
            + "\(outcome.created ? "recorded in" : "already recorded in") \(safe(outcome.record))\n"
    }

    public static func show(_ result: ShowResult) -> String {
        switch result {
        case .artifact(let a):
            var lines = ["\(a.digest)"]
            func field(_ label: String, _ value: String) {
                if !value.isEmpty { lines.append("  " + (label + ":").padding(toLength: 14, withPad: " ", startingAt: 0) + safe(value)) }
            }
            field("names", a.names.joined(separator: ", "))
            field("kind", a.kinds.map(\.rawValue).joined(separator: ", "))
            field("content", a.layout == .folder ? "folder, \(a.files) file\(a.files == 1 ? "" : "s"), \(size(a.size))"
                  : a.layout == .lfsPointer ? "git-LFS pointer, \(size(a.size))" : "file, \(size(a.size))")
            field("license", a.licenses.isEmpty ? "not recorded" : a.licenses.joined(separator: "; "))
            field("ledgers", a.ledgers.joined(separator: ", "))
            for source in a.sources { field("source", describe(source)) }
            field("availability", a.availability.map(describe) ?? "no event recorded")
            field("retained", a.retainedCopy.map(describe) ?? "")
            field("derived from", a.derivedFrom.map(short).joined(separator: ", "))
            field("base models", a.externalParents.map { "\($0) (external, not tracked)" }.joined(separator: ", "))
            field("derivatives", abbreviated(a.derivatives.map(short)))
            field("used by", abbreviated(a.usedBy))
            field("produced by", a.producedBy.joined(separator: ", "))
            if let versions = a.versions, versions.count > 1 {
                for (number, version) in versions.enumerated() {
                    field("version \(number + 1)", "\(short(version.identity.digest)) (\(version.identity.layout.rawValue)), recorded "
                          + "\(version.firstRecordedAt)" + (number == versions.count - 1 ? ", latest" : ""))
                }
            }
            return lines.joined(separator: "\n") + "\n"
        case .experiment(let runs):
            return runs.map(experiment).joined()
        }
    }

    /// At most ten items and a count, so a base model used by thousands of runs stays one line;
    /// `--json` has them all.
    static func abbreviated(_ items: [String], limit: Int = 10) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + ", … (\(items.count) in all; --json lists them)"
    }

    public static func experiment(_ x: ExperimentRecord) -> String {
        var lines = ["\(safe(x.name))  [\(x.ledger)]  \(x.outcome.rawValue)  \(x.startedAt)"]
        if let section = x.section { lines.append("  section: \(safe(section))") }
        if let command = x.command { lines.append("  command: \(safe(command.joined(separator: " "))) (exit \(x.exitStatus.map(String.init) ?? "?"))") }
        lines.append("  code:    " + safe(describe(x.code)))
        for input in x.inputs {
            var line = "  uses     \(short(input.digest))  \(safe(input.name))" + (input.role.map { " (\(safe($0)))" } ?? "")
            if input.layout == .folder { line += " (folder)" }
            switch input.verification {
            case .verified: line += " [verified]"
            case .noCopy: line += " [no copy here; not verified]"
            case .statedAsRecorded: line += " [copy differed; stated as recorded]"
            case nil: break
            }
            if let after = input.digestAfterRun { line += " [changed during the run, to \(short(after))]" }
            lines.append(line)
        }
        for output in x.outputs { lines.append("  produces \(short(output.digest))  \(safe(output.name))") }
        if let note = x.note { lines.append("  note:    \(safe(note))") }
        lines += runDetails(x)
        return lines.joined(separator: "\n") + "\n"
    }

    public static func describe(_ code: CodeState) -> String {
        guard code.repository else { return "not in a git repository" }
        var text = code.commit.map { String($0.prefix(12)) } ?? "no commit yet"
        text += code.detached ? " (detached HEAD)" : code.branch.map { " on \($0)" } ?? ""
        if code.dirty { text += ", uncommitted changes" + (code.diffDigest.map { " (diff \(short($0)))" } ?? "") }
        return text
    }

    public static func describe(_ event: AvailabilityEvent) -> String {
        var text = "\(event.status.rawValue) as of \(event.asOf)"
        if let evidence = event.evidence { text += " (\(evidence))" }
        if let note = event.note { text += " — \(note)" }
        return text
    }

    public static func describe(_ source: ArtifactSource) -> String {
        switch source.type {
        case .url: return source.url ?? ""
        case .huggingface: return "Hugging Face \(source.repo ?? "?")@\(source.revision ?? "?")"
        case .path: return "path \(source.path ?? "")"
        }
    }

    public static func artifactLine(_ record: IndexedRecord<ArtifactRecord>) -> String {
        let a = record.value
        return "\(short(a.digest))  \(safe(a.name))  \(a.kind.rawValue)  \(size(a.size))  \(record.ledger)\n"
    }

    public static func experimentLine(_ record: IndexedRecord<ExperimentRecord>) -> String {
        let x = record.value
        return "\(safe(x.name))  \(record.ledger)  \(safe(x.section ?? "-"))  \(x.outcome.rawValue)  \(x.startedAt)  "
            + "\(x.inputs.count) in, \(x.outputs.count) out\n"
    }

    public static func ledgers(_ summaries: [LedgerSummary]) -> String {
        summaries.map {
            "\($0.name)  \(counted($0.artifacts, "artifact record")), \(counted($0.experiments, "experiment")), \(counted($0.events, "event"))\n"
        }.joined()
    }

    /// "1 event", "2 events".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    public static func log(_ records: [IndexedRecord<LedgerRecord>]) -> String {
        records.map { record -> String in
            let id = String(record.id.prefix(12))
            switch record.value {
            case .artifact(let a): return "\(a.recordedAt)  \(record.ledger)  track       \(safe(a.name)) \(short(a.digest))  [\(id)]\n"
            case .availability(let e): return "\(e.recordedAt)  \(record.ledger)  available   \(short(e.digest)) \(e.status.rawValue) as of \(e.asOf)  [\(id)]\n"
            case .experiment(let x): return "\(x.endedAt ?? x.startedAt)  \(record.ledger)  experiment  \(safe(x.name)) \(x.outcome.rawValue)  [\(id)]\n"
            case .license(let l): return "\(l.recordedAt)  \(record.ledger)  license     \(safe(l.id))  [\(id)]\n"
            case .seal(let s): return "\(s.sealedAt)  \(record.ledger)  seal        #\(s.sequence) \(short(s.root))  [\(id)]\n"
            case .manifest: return ""
            }
        }.joined()
    }

    public static func affected(_ report: AffectedReport) -> String {
        var text = "depends on \(safe(report.names.joined(separator: ", "))) (\(report.artifact.map(short) ?? "external parent, not tracked")):\n"
        if report.artifacts.isEmpty && report.experiments.isEmpty { return text + "  nothing recorded depends on it\n" }
        for run in report.experiments {
            text += "  experiment  \(safe(run.name))  [\(run.ledger)]" + (run.section.map { "  \(safe($0))" } ?? "") + "\n"
        }
        for artifact in report.artifacts {
            text += "  artifact    \(short(artifact.digest))  \(safe(artifact.names.joined(separator: ", ")))  (\(artifact.distance) step\(artifact.distance == 1 ? "" : "s") away)\n"
        }
        return text
    }

    public static func verify(_ report: VerifyReport) -> String {
        var text = ""
        for item in report.artifacts {
            switch item.status {
            case .ok: text += "ok        \(safe(item.name))  \(safe(item.path ?? ""))\n"
            case .pointer: text += "pointer   \(safe(item.name))  \(safe(item.path ?? "")) (git-LFS pointer; content not downloaded)\n"
            case .absent: text += "absent    \(safe(item.name))  no copy on this machine (not checked; `repro locate \(safe(item.name)) PATH` names one)\n"
            case .problem: text += "PROBLEM   \(safe(item.name))  \(TerminalText.controlsEscaped(item.problem ?? "")) (not checked)\n"
            case .mismatch:
                // A folder replaced by a file holding its listing has the same digest: then the layouts are named.
                var recorded = short(item.digest), now = item.actual.map(short) ?? "?"
                if let actualLayout = item.actualLayout, actualLayout != item.layout {
                    recorded = "\(item.layout.rawValue) \(recorded)"
                    now = "\(actualLayout.rawValue) \(now)"
                }
                text += "MISMATCH  \(safe(item.name))  \(safe(item.path ?? "")): recorded \(recorded), now \(now)\n"
                for path in item.changed { text += "    changed  \(safe(path))\n" }
                for path in item.missing { text += "    missing  \(safe(path))\n" }
                for path in item.added { text += "    added    \(safe(path))\n" }
                for path in item.corruptBlobs { text += "    corrupt  \(safe(path))\n" }
            }
        }
        let bad = report.artifacts.filter { $0.status == .mismatch }.count
        let problems = report.artifacts.filter { $0.status == .problem }.count
        let checked = report.artifacts.filter { $0.status == .ok || $0.status == .pointer }.count
        if bad == 0, problems == 0 {
            // Absent copies were not checked: saying they match would claim what was not seen.
            text += checked == 0 && !report.artifacts.isEmpty
                ? "no copy of these artifacts is on this machine; nothing was checked\n"
                : "all present artifacts match their recorded digests\n"
        }
        if bad > 0 { text += "\(bad) artifact\(bad == 1 ? "" : "s") changed\n" }
        if problems > 0 { text += "\(problems) artifact\(problems == 1 ? "" : "s") could not be checked\n" }
        return text
    }

    public static func fsck(_ report: FsckReport) -> String {
        var text = report.removedTemporaryFiles.map { "removed leftover temporary file \(safe($0))\n" }.joined()
        text += report.problems.map { "\(safe($0.path)): \(safe($0.problem))\n" }.joined()
        text += report.failed ? "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") in \(report.recordsChecked) records\n"
            : "\(report.recordsChecked) records checked; no problems\n"
        return text
    }

    public static func reindexed(_ outcome: ReindexOutcome) -> String {
        var text = "indexed \(outcome.records) records\n"
        for skipped in outcome.skipped { text += "skipped \(safe(skipped.path)): \(safe(skipped.reason))\n" }
        return text
    }
}
