import Foundation
import Testing
import TestSupport

/// The README's walk-through must work exactly as written.
@Suite struct ReadmeWalkthroughTests {
    static let marker = "<!-- walkthrough: run by Tests/ReproCLITests/ReadmeWalkthroughTests.swift -->"

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The fenced block right after the marker.
    static func walkthrough() throws -> String {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let after = try #require(readme.range(of: marker)).upperBound
        let rest = readme[after...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest[open.upperBound...].range(of: "\n```"))
        return String(rest[open.upperBound..<close.lowerBound])
    }

    @Test func runsAsWritten() throws {
        let script = try Self.walkthrough()
        let binFolder = URL(fileURLWithPath: ReproBinary.path).deletingLastPathComponent().path
        // The block puts .build/debug first on PATH; point it at the binary under test instead.
        let result = try Subprocess.run(["bash", "-euo", "pipefail", "-c", script], in: Self.repositoryRoot.path,
                                        environment: ["PATH": binFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")])
        #expect(result.status == 0, "walk-through failed:\n\(result.stdout.suffix(2000))\n\(result.stderr.suffix(2000))")
        #expect(result.stdout.contains("depends on Llama-3.1-8B"))
        #expect(result.stdout.contains("all present artifacts match their recorded digests"))
        #expect(result.stdout.contains("+ availability web-corpus: deprecated as of 2026-06-01"))
        // The text statement is wrapped at 80 columns: compare its words.
        let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Llama-3.1-8B was withdrawn from public distribution on 2 March 2026"))
        #expect(result.stdout.contains("MISMATCH  web-corpus"))
        #expect(result.stdout.contains("    changed  part-1.jsonl"))
        #expect(result.stdout.contains("verify exited 1"))
    }
}
