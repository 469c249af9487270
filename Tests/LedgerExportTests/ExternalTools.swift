import Foundation
import TestSupport

/// The third-party checkers the export tests need: the official CycloneDX validator and
/// the PROV library (PyPI), BibTeX and pdfLaTeX, Graphviz. A missing one fails the test
/// with the command that installs it, never a silent skip (`make deps` installs them all).
enum ExternalTools {
    struct Missing: Error, CustomStringConvertible {
        var tool: String
        var description: String { "\(tool) is not installed; run `make deps` (scripts/install-deps.sh)" }
    }

    static func require(_ tool: KeyPath<ExternalTools.Type, Bool>) throws {
        guard ExternalTools.self[keyPath: tool] else { throw Missing(tool: "\(tool)") }
    }

    static let cycloneDXValidator = succeeds(
        "python3 -c 'from cyclonedx.validation.json import JsonStrictValidator; import jsonschema, referencing'")
    static let provLibrary = succeeds("python3 -c 'import prov.model'")
    static let bibtex = succeeds("command -v bibtex && command -v pdflatex")
    static let dot = succeeds("command -v dot")

    /// Runs a Python script with `file` as its only argument.
    static func python(_ script: String, file: String) throws -> Subprocess.Result {
        try Subprocess.run(["python3", "-c", script, file])
    }

    private static func succeeds(_ script: String) -> Bool {
        (try? Subprocess.shell(script).status) == 0
    }
}
