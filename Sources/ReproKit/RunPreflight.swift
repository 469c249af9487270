import Foundation
import LedgerCore
#if canImport(Glibc)
import Glibc
#endif

extension Workspace {
    /// What `repro run` checks before the command starts, so a read-only or full ledger, a
    /// typo in the command or an unreadable input fails before hours of work, not after.
    func preflightRun(ledger: String, inputs: [ArtifactUse], command: [String], from directory: URL) throws {
        guard let program = command.first, !program.isEmpty else { throw RunError.nothingToRun }
        let resolved = program.contains("/") ? absolutePath(program, from: directory) : program
        guard ExecutableSearch.find(resolved, path: environment["PATH"] ?? "/usr/bin:/bin") != nil else {
            throw RunError.commandNotFound(program)
        }
        try refuseLinks(ledger: ledger)
        try probeWritable(store.folder(of: ledger).appendingPathComponent(LedgerRecord.RecordType.experiment.folder))
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

    /// Creates, writes, syncs and removes a file where the record will go: a read-only mount
    /// and a full disk both fail here.
    private func probeWritable(_ folder: URL) throws {
        let shown = displayPath(folder.path)
        if mkdir(folder.path, 0o755) != 0 && errno != EEXIST {
            throw RunError.ledgerNotWritable(path: shown, reason: String(cString: strerror(errno)))
        }
        let probe = folder.appendingPathComponent(".preflight.tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))").path
        let fd = Glibc.open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw RunError.ledgerNotWritable(path: shown, reason: String(cString: strerror(errno))) }
        defer { unlink(probe) }
        let block = [UInt8](repeating: 0x20, count: 16 * 1024)
        let written = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let code = errno
        let synced = written == block.count && fsync(fd) == 0
        let syncCode = errno
        close(fd)
        guard written == block.count else {
            throw RunError.ledgerNotWritable(path: shown, reason: written < 0 ? String(cString: strerror(code)) : "short write")
        }
        guard synced else { throw RunError.ledgerNotWritable(path: shown, reason: String(cString: strerror(syncCode))) }
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
            guard access(path, R_OK | X_OK) == 0 else { return String(cString: strerror(errno)) }
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
            let fd = Glibc.open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            if fd < 0 { return "\(file == path ? "" : "\((file as NSString).lastPathComponent): ")\(String(cString: strerror(errno)))" }
            close(fd)
        }
        return nil
    }
}
