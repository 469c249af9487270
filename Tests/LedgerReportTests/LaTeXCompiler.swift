import Foundation
import Testing

/// A document class setting the reproducibility statements must compile in, using Debian's
/// texlive-latex-base, -latex-recommended, -latex-extra, -plain-generic, -publishers and
/// -fonts-recommended (scripts/install-deps.sh installs them).
///
/// NeurIPS, ICML and ACL ship their .sty files with the paper kit, not in TeX Live.
enum LaTeXSetting: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case article
    case articleTwoColumn
    case articleT1Hyperref
    case ieeetran
    case ieeetranJournal
    case llncs
    case elsarticle
    case elsarticleTwoColumn
    case acmSigconf
    case acmSmall
    case revtex

    var preamble: String {
        switch self {
        case .article: #"\documentclass{article}"#
        case .articleTwoColumn: #"\documentclass[twocolumn]{article}"#
        case .articleT1Hyperref: #"\documentclass{article}"# + "\n" + #"\usepackage[T1]{fontenc}"# + "\n"
            + #"\usepackage{hyperref}"#
        case .ieeetran: #"\documentclass[conference]{IEEEtran}"#
        case .ieeetranJournal: #"\documentclass[journal]{IEEEtran}"#
        case .llncs: #"\documentclass{llncs}"#
        case .elsarticle: #"\documentclass[preprint,1p]{elsarticle}"#
        case .elsarticleTwoColumn: #"\documentclass[final,5p,twocolumn]{elsarticle}"#
        case .acmSigconf: #"\documentclass[sigconf]{acmart}"# + "\n" + Self.acmQuiet
        case .acmSmall: #"\documentclass[acmsmall]{acmart}"# + "\n" + Self.acmQuiet
        case .revtex: #"\documentclass[aps,prl,twocolumn]{revtex4-2}"#
        }
    }

    /// No ACM reference block or copyright box; a title, which acmart's running heads need
    /// from the second page on.
    private static let acmQuiet = #"\settopmatter{printacmref=false}\setcopyright{none}\title{Statement}"#

    var testDescription: String { rawValue }
}

/// Runs pdflatex on a document in a fresh temporary folder.
struct LaTeXCompiler {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// The kept folder with the source and log, when pdflatex ran.
        var folder: URL?
    }

    struct Output {
        let folder: URL
        let pdf: URL
        let log: String

        /// Removes the temporary folder, unless REPRO_KEEP_LATEX is set to look at the PDFs;
        /// failed compiles always keep theirs for inspection.
        func discard() {
            guard ProcessInfo.processInfo.environment["REPRO_KEEP_LATEX"] == nil else { return }
            try? FileManager.default.removeItem(at: folder)
        }
    }

    static let installHint = "install TeX Live with: apt-get update && DEBIAN_FRONTEND=noninteractive "
        + "apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended "
        + "texlive-latex-extra texlive-plain-generic texlive-publishers texlive-fonts-recommended"

    /// The folders searched for `pdflatex`; tests pass an empty list to check the missing case.
    var searchPath: [String] = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
        .split(separator: ":").map(String.init)

    /// Wraps `body` in `setting`'s preamble; `\tracinglostchars=3` turns any glyph missing
    /// from the font into an error, so text that compiles also shows every character.
    static func document(_ body: String, in setting: LaTeXSetting, preamble: String = "") -> String {
        setting.preamble + "\n" + preamble + #"\begin{document}"# + "\n" + #"\tracinglostchars=3"# + "\n"
            + body + "\n" + #"\end{document}"# + "\n"
    }

    /// Compiles `body` with `-interaction=nonstopmode -halt-on-error`; throws a failure that
    /// quotes the log's error lines, or says how to install pdflatex when it is missing.
    /// `preamble` goes between the class and `\begin{document}` (e.g. `\newcommand`s).
    func compile(_ body: String, in setting: LaTeXSetting, preamble: String = "") async throws -> Output {
        guard let pdflatex = findPDFLaTeX() else {
            throw Failure(description: "pdflatex not found on PATH; " + Self.installHint)
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("repro-latex-\(setting.rawValue)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = Self.document(body, in: setting, preamble: preamble)
        try Data(source.utf8).write(to: folder.appendingPathComponent("statement.tex"))

        let status = try await Self.run(
            pdflatex,
            arguments: ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "statement.tex"],
            in: folder)
        let logData = (try? Data(contentsOf: folder.appendingPathComponent("statement.log"))) ?? Data()
        let log = String(decoding: logData, as: UTF8.self)
        let pdf = folder.appendingPathComponent("statement.pdf")
        guard status == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw Failure(description: """
                pdflatex failed (exit \(status)) in setting \(setting.rawValue); files kept in \(folder.path)
                \(Self.errorLines(in: log))
                --- source ---
                \(source)
                """, folder: folder)
        }
        return Output(folder: folder, pdf: pdf, log: log)
    }

    /// Box warnings a reader would see: overfull boxes wider than 1 pt, any underfull
    /// `\hbox` (ragged cells never stretch), any overfull `\vbox`.
    static func badBoxes(in log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { line in
            if line.hasPrefix("Overfull \\vbox") || line.hasPrefix("Underfull \\hbox") || line.hasPrefix("Underfull \\vbox") { return true }
            guard line.hasPrefix("Overfull \\hbox ("), let match = line.firstMatch(of: /\(([0-9.]+)pt too wide\)/) else {
                return false
            }
            return (Double(match.1) ?? 0) > 1
        }
    }

    /// The `!` lines of a TeX log and the context lines after each, or the log's tail.
    static func errorLines(in log: String) -> String {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        var picked: [Substring] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("!") {
            picked.append(contentsOf: lines[index..<min(lines.count, index + 4)])
        }
        if picked.isEmpty {
            picked = Array(lines.suffix(20))
        }
        return picked.joined(separator: "\n")
    }

    private func findPDFLaTeX() -> URL? {
        searchPath.lazy
            .map { URL(fileURLWithPath: $0).appendingPathComponent("pdflatex") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    private static func run(_ executable: URL, arguments: [String], in folder: URL) async throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in
                continuation.resume(returning: finished.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
