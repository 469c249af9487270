import Foundation
import TestSupport

/// The third-party checkers the export tests run when they are installed: the official
/// CycloneDX validator and the PROV library (PyPI), BibTeX and pdfLaTeX, Graphviz.
enum ExternalTools {
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
