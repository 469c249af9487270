import Foundation
import LedgerCore

/// What a trace says about a run, beside what the user declared.
struct TraceFindings: Sendable {
    /// Tracked artifacts the command opened for reading, declared or not, in the order first read.
    var observed: [ArtifactUse] = []
    /// Declared inputs never opened.
    var unopened: [ArtifactUse] = []
    /// Declared outputs (absolute paths) under which the command wrote nothing.
    var unwrittenOutputs: [String] = []
    /// Untracked files at least the threshold in size that the command read: (path, size).
    var largeUntracked: [(path: String, size: Int64)] = []
}

/// A tracked artifact's copy on this machine, as paths a traced open can be matched against.
private struct KnownCopy {
    var use: ArtifactUse
    /// The copy's path and its resolved form; a folder matches everything under it.
    var roots: [String]
    var isFolder: Bool
    /// Resolved targets of symlinks inside the copy (a Hugging Face snapshot's blobs).
    var linkTargets: Set<String>

    func contains(_ path: String) -> Bool {
        roots.contains { path == $0 || (isFolder && path.hasPrefix($0 + "/")) } || linkTargets.contains(path)
    }
}

extension Workspace {
    /// Maps every file the command opened for reading to the tracked artifacts that contain it,
    /// by path against the artifacts' copies on this machine.
    func mapTrace(_ log: StraceLog, declared: [ArtifactUse], outputs: [String], largeFileThreshold: Int64) throws -> TraceFindings {
        let copies = try knownCopies()
        var findings = TraceFindings()
        var seenDigests = Set<Digest>()
        var seenPaths = Set<String>()
        var untracked: [String] = []
        for access in log.accesses where access.mode != .write && seenPaths.insert(access.path).inserted {
            let matches = copies.filter { $0.contains(access.path) }
            if matches.isEmpty { untracked.append(access.path) }
            for match in matches where seenDigests.insert(match.use.digest).inserted {
                let role = declared.first { $0.digest == match.use.digest }?.role
                findings.observed.append(ArtifactUse(digest: match.use.digest,
                                                     name: declared.first { $0.digest == match.use.digest }?.name ?? match.use.name,
                                                     role: role))
            }
        }
        findings.unopened = declared.filter { !seenDigests.contains($0.digest) }
        let written = log.accesses.filter { $0.mode != .read }.map(\.path)
        findings.unwrittenOutputs = outputs.filter { output in
            !written.contains { $0 == output || $0.hasPrefix(output + "/") }
        }
        for path in untracked where !Self.isSystemPath(path) && !path.hasPrefix(top.path + "/.git/") {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = (attributes[.size] as? NSNumber)?.int64Value, size >= largeFileThreshold else { continue }
            findings.largeUntracked.append((path, size))
        }
        return findings
    }

    /// Every tracked artifact with a copy on this machine.
    private func knownCopies() throws -> [KnownCopy] {
        var names: [Digest: String] = [:]
        try index().forEach(ArtifactRecord.self, recordType: .artifact) { names[$0.value.digest] = $0.value.name }
        var copies: [KnownCopy] = []
        for (digest, name) in names.sorted(by: { $0.key.description < $1.key.description }) {
            for path in localCopies(of: digest) {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                var targets = Set<String>()
                if isFolder.boolValue, let walker = FileManager.default.enumerator(atPath: path) {
                    while let relative = walker.nextObject() as? String {
                        let full = path + "/" + relative
                        if (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) != nil {
                            targets.insert(URL(fileURLWithPath: full).resolvingSymlinksInPath().path)
                        }
                    }
                }
                copies.append(KnownCopy(use: ArtifactUse(digest: digest, name: name), roots: Array(Set([path, resolved])),
                                        isFolder: isFolder.boolValue, linkTargets: targets))
            }
        }
        return copies
    }

    /// Files of the system and of installed packages (libraries, interpreters), never data.
    static func isSystemPath(_ path: String) -> Bool {
        let prefixes = ["/proc/", "/sys/", "/dev/", "/usr/", "/lib/", "/lib64/", "/bin/", "/sbin/", "/etc/", "/opt/", "/run/",
                        "/var/lib/", "/var/cache/", "/tmp/.X"]
        return prefixes.contains { path.hasPrefix($0) } || path.contains("/site-packages/") || path.contains("/dist-packages/")
            || path.contains("/.pyenv/") || path.contains("/.cache/pip/") || path.hasSuffix(".so") || path.contains(".so.")
    }

    /// The warnings a trace raises, for stderr.
    func traceWarnings(_ findings: TraceFindings, declared: [ArtifactUse], threshold: Int64) -> [String] {
        var messages: [String] = []
        for use in findings.observed where !declared.contains(where: { $0.digest == use.digest }) {
            messages.append("the command read \(use.name) (\(use.digest)) without --uses; recorded as an observed input")
        }
        for use in findings.unopened {
            messages.append("declared input \(use.name) was never opened by the command (--trace); flagged in the record")
        }
        for output in findings.unwrittenOutputs {
            messages.append("the command wrote nothing under \(displayPath(output)); not recorded as an output of this run")
        }
        if !findings.largeUntracked.isEmpty {
            let lines = findings.largeUntracked.map { file in
                "  repro track \(ShellQuoting.quoted(displayPath(file.path))) --name \(ShellQuoting.quoted((file.path as NSString).lastPathComponent)) "
                    + "--kind KIND --license LICENSE   # \(file.size) bytes"
            }
            messages.append("the command read \(findings.largeUntracked.count) untracked file"
                + "\(findings.largeUntracked.count == 1 ? "" : "s") of \(threshold) bytes or more; record them with:\n"
                + lines.joined(separator: "\n"))
        }
        return messages
    }
}
