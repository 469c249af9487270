import Foundation
import LedgerCore
import SystemPackage

extension Workspace {
    /// What `repro run` checks before the command starts, so a read-only or full ledger, a
    /// typo in the command or an unreadable input fails before hours of work, not after.
    func preflightRun(ledger: String, inputs: [ArtifactUse], command: [String], from directory: URL) throws {
        guard let program = command.first, !program.isEmpty else { throw RunError.nothingToRun }
        let resolved = program.contains("/") ? absolutePath(program, from: directory) : program
        guard ExecutableSearch.find(resolved, path: environment["PATH"] ?? "/usr/bin:/bin") != nil else {
            throw RunError.commandNotFound(program)
        }
        // The compute record carries it; refused after the run, the run would be lost.
        if FieldRules.lineProblem(agent.host) != nil { throw RunError.invalidHost(agent.host) }
        try refuseLinks(ledger: ledger)
        try probeWritable(ledger: ledger)
        for input in inputs {
            guard let path = localCopies(of: input.digest).first else { continue }
            if let reason = Self.unreadable(path) {
                throw RunError.inputUnreadable(name: input.name, path: displayPath(path), reason: reason)
            }
        }
    }

    /// The record will be written without following links (LedgerStore): a linked ledger,
    /// experiments folder or shard folder would refuse it after the run, so refuse it now.
    private func refuseLinks(ledger: String) throws {
        let type = LedgerRecord.RecordType.experiment.folder
        do {
            let folder = try store.openLedgers().folder(ledger)
            guard let experiments = try folder.folderIfPresent(type) else { return }
            if let bad = try experiments.entries().first(where: { $0.kind.isSpecial }) {
                throw RunError.ledgerNotWritable(path: experiments.child(bad.name), reason: "is \(bad.kind.phrase), not a folder repro writes records in")
            }
        } catch let error as FileSystemError {
            throw RunError.ledgerNotWritable(path: error.path, reason: error.reason)
        }
    }

    /// Creates, writes, syncs and removes a file where the record will go, through the same
    /// no-follow layer the record will be written with: a read-only mount and a full disk
    /// both fail here.
    private func probeWritable(ledger: String) throws {
        let type = LedgerRecord.RecordType.experiment.folder
        let shown = displayPath(store.folder(of: ledger).appendingPathComponent(type).path)
        do throws(FileSystemError) {
            let experiments = try store.openLedgers().folder(ledger).makeFolder(type)
            let probe = ".preflight.tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
            try experiments.writeFile(probe, [UInt8](repeating: 0x20, count: 16 * 1024), durable: true)
            try experiments.removeFile(probe)
        } catch {
            let reason = if case .system(_, _, let errno) = error { errno.description } else { error.reason }
            throw RunError.ledgerNotWritable(path: shown, reason: reason)
        }
    }

    /// The copies of an artifact this machine knows of, best first: the one lookup `verify`
    /// uses (work tree, location store, Hugging Face cache), never a record's outside path.
    func localCopies(of digest: Digest) -> [String] {
        guard let records = try? index().artifactRecords(digest).map(\.value), !records.isEmpty else { return [] }
        return knownCopies(of: digest, records: records).found.map(\.path)
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Nil when every file of the copy opens for reading; else why not (naming the file).
    static func unreadable(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let files: [String]
        if isFolder.boolValue {
            do throws(FileSystemError) { _ = try OpenFolder.at(path, followingLinks: true) } catch { return Self.reason(error) }
            let walker = FileManager.default.enumerator(atPath: path)
            var found: [String] = []
            while let relative = walker?.nextObject() as? String {
                var isSub: ObjCBool = false
                let full = path + "/" + relative
                if FileManager.default.fileExists(atPath: full, isDirectory: &isSub), !isSub.boolValue { found.append(full) }
            }
            files = found
        } else {
            files = [path]
        }
        for file in files {
            do throws(FileSystemError) {
                try ReadOnlyFile.open(file, shown: file, followingLinks: true).close()
            } catch {
                return (file == path ? "" : "\((file as NSString).lastPathComponent): ") + Self.reason(error)
            }
        }
        return nil
    }

    /// The system's words for a failed call (`Permission denied`), else the layer's reason.
    private static func reason(_ error: FileSystemError) -> String {
        if case .system(_, _, let errno) = error { return errno.description }
        return error.reason
    }
}
