import Foundation
import LedgerCore
import LedgerReport
import SystemPackage

/// Reads a paper and the files it `\input`s or `\include`s, the way LaTeX resolves them
/// (relative to the paper's folder, `.tex` added), but only inside that folder, to a bounded
/// depth, refusing cycles, and each file once: ten files that each `\input` the next ten
/// times were read 10^k times over. A missing or outside file is skipped and reported:
/// papers often `\input` a generated file (the statement itself) that does not exist yet.
struct PaperReader {
    static let maximumDepth = 16
    static let maximumFileSize = 16 << 20

    /// The paper's folder, symlinks resolved.
    let root: String
    private(set) var files: [String] = []
    private(set) var labels: [(file: String, label: PaperScan.Label)] = []
    private(set) var skipped: [CoverageReport.SkippedInclusion] = []
    /// Resolved paths already read: a file `\input` again adds no label it has not given.
    private var read: Set<String> = []

    /// Reads `paper` and everything it pulls in.
    static func read(_ paper: String, displayedAs typed: String) throws -> PaperReader {
        let resolved = try userFile(paper) { CoverageError.unreadablePaper(path: typed, reason: $0) }
        var reader = PaperReader(root: (resolved as NSString).deletingLastPathComponent)
        try reader.visit(resolved, chain: [], displayName: (paper as NSString).lastPathComponent)
        return reader
    }

    private mutating func visit(_ path: String, chain: [String], displayName: String) throws {
        let text = try Self.load(path, displayName: displayName)
        read.insert(path)
        files.append(displayName)
        let chain = chain + [path]
        for item in LaTeXLabelScanner.scan(text).items {
            switch item {
            case .label(let label):
                labels.append((displayName, label))
            case .inclusion(let inclusion):
                try follow(inclusion, from: displayName, chain: chain)
            }
        }
    }

    private mutating func follow(_ inclusion: PaperScan.Inclusion, from file: String, chain: [String]) throws {
        func skip(_ reason: String) {
            skipped.append(.init(file: file, line: inclusion.line, target: inclusion.target, reason: reason))
        }
        let target = inclusion.target.trimmingCharacters(in: .whitespaces)
        guard !target.isEmpty else { return skip("empty file name") }
        guard !target.hasPrefix("/") else { return skip("outside the paper's folder") }
        // LaTeX tries NAME.tex first; \include always adds .tex.
        var candidates = [target + ".tex"]
        if inclusion.command == "input", target.hasSuffix(".tex") || (target as NSString).pathExtension != "" {
            candidates.insert(target, at: 0)
        }
        for candidate in candidates {
            guard let resolved = Self.realPath((root as NSString).appendingPathComponent(candidate)) else { continue }
            guard resolved.hasPrefix(root + "/") else { return skip("outside the paper's folder") }
            guard Self.isRegularFile(resolved) else { return skip("not a regular file") }
            if chain.contains(resolved) {
                throw CoverageError.cycle(file: file, line: inclusion.line, target: inclusion.target)
            }
            guard chain.count < Self.maximumDepth else {
                throw CoverageError.tooDeep(file: file, line: inclusion.line, limit: Self.maximumDepth)
            }
            guard !read.contains(resolved) else { return }
            return try visit(resolved, chain: chain, displayName: String(resolved.dropFirst(root.count + 1)))
        }
        skip("not found")
    }

    /// The label numbers of a paper's `.aux` file and of the aux files it `\@input`s (one per
    /// `\include`d part), found only inside the aux file's folder, to the same depth as inputs.
    static func labelNumbers(aux: String, displayedAs typed: String) throws -> LabelNumbers {
        let resolved = try userFile(aux) { CoverageError.unreadableAux(path: typed, reason: $0) }
        let root = (resolved as NSString).deletingLastPathComponent
        var numbers = LabelNumbers()
        var pending = [(resolved, 0)]
        var seen: Set<String> = []
        while let (path, depth) = pending.popLast() {
            guard seen.insert(path).inserted, depth <= maximumDepth else { continue }
            let text: String
            do { text = try load(path, displayName: typed) } catch CoverageError.unreadablePaper(_, let reason) {
                throw CoverageError.unreadableAux(path: typed, reason: reason)
            }
            let part = LabelNumbers(aux: text)
            numbers.merge(part)
            for input in part.inputs where !input.hasPrefix("/") {
                guard let next = realPath((root as NSString).appendingPathComponent(input)),
                      next.hasPrefix(root + "/"), isRegularFile(next) else { continue }
                pending.append((next, depth + 1))
            }
        }
        return numbers
    }

    /// Bounded, and never blocks: a file swapped for a FIFO after the check is refused unread.
    private static func load(_ path: String, displayName: String) throws -> String {
        do throws(FileSystemError) {
            return String(decoding: try OpenFolder.readUserFile(FilePath(path), limit: maximumFileSize), as: UTF8.self)
        } catch .tooLarge {
            throw CoverageError.tooLarge(path: displayName, limit: maximumFileSize)
        } catch {
            throw CoverageError.unreadablePaper(path: displayName, reason: error.reason)
        }
    }

    /// The canonical path of a regular file the user named (links in it are the user's);
    /// `failure` turns why not (the system's words, or "not a regular file") into the error.
    private static func userFile(_ path: String, failure: (String) -> CoverageError) throws(CoverageError) -> String {
        let found: String?
        do throws(FileSystemError) { found = try OpenFolder.canonicalPath(path) } catch {
            if case .system(_, _, let errno) = error { throw failure(errno.description) }
            throw failure(error.reason)
        }
        guard let resolved = found else { throw failure(Errno.noSuchFileOrDirectory.description) }
        guard isRegularFile(resolved) else { throw failure("not a regular file") }
        return resolved
    }

    private static func realPath(_ path: String) -> String? {
        try? OpenFolder.canonicalPath(path)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        (try? OpenFolder.status(path, followingLinks: true)).flatMap { $0.map { EntryKind($0.type) == .regular } } ?? false
    }
}
