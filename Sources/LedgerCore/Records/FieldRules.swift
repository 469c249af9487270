import Foundation

/// The rules for the free-text fields of records, written once: the CLI applies them
/// to what a user types and `RecordCodec` to what it reads from disk. Each returns
/// nil for a valid value or the reason it is not, without the option or field name,
/// so either caller can say where the value came from.
public enum FieldRules {
    /// Evidence must be something a reader can follow: an `http`/`https` URL or a DOI.
    /// Anything else (`javascript:`, `file:`, a bare word) would end up as a link in reports.
    public static func evidenceProblem(_ text: String) -> String? {
        let valid = text.lowercased().hasPrefix("doi:") ? isDOI(String(text.dropFirst(4)))
            : webURLProblem(text, schemes: ["http", "https"]) == nil
        return valid ? nil : "expected an http or https URL or a DOI (doi:10.1234/abc or https://doi.org/10.1234/abc)"
    }

    /// Where an artifact can be downloaded from.
    public static let sourceSchemes = ["http", "https", "ftp", "s3", "gs", "hf", "file"]

    public static func sourceURLProblem(_ text: String) -> String? {
        webURLProblem(text, schemes: sourceSchemes).map { _ in "expected a URL such as https://example.org/data.tar" }
    }

    /// `10.<registrant>/<suffix>`: the registrant is digits and dots, the suffix any printable text.
    static func isDOI(_ text: String) -> Bool {
        guard text.hasPrefix("10."), let slash = text.firstIndex(of: "/") else { return false }
        let registrant = text[text.index(text.startIndex, offsetBy: 3)..<slash]
        let suffix = text[text.index(after: slash)...]
        return !registrant.isEmpty && registrant.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            && !suffix.isEmpty && !containsUnsafeCharacter(suffix)
    }

    private static func webURLProblem(_ text: String, schemes: [String]) -> String? {
        guard let colon = text.firstIndex(of: ":"),
              schemes.contains(text[..<colon].lowercased())
        else { return "the scheme is not one of \(schemes.joined(separator: ", "))" }
        if containsUnsafeCharacter(Substring(text)) { return "it contains white space, a control character or one of <>\"\\`" }
        guard let url = URL(string: text), url.scheme != nil else { return "it is not a valid URL" }
        if ["http", "https"].contains(text[..<colon].lowercased()), (url.host ?? "").isEmpty { return "it has no host" }
        return nil
    }

    /// Characters that would break a URL out of a Markdown autolink, a LaTeX `\url` or a terminal line.
    private static func containsUnsafeCharacter(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7f..<0xa0).contains(scalar.value)
                || "<>\"\\`".unicodeScalars.contains(scalar)
        }
    }

    /// A Hugging Face repository id `ORG/NAME` as `--hf` takes it.
    /// A section label is the paper's `\label{…}`: printed in statements, graphs and
    /// terminals, so no control character, and one line of reasonable length.
    public static func sectionProblem(_ label: String) -> String? {
        if label.isEmpty { return "it is empty" }
        if label.count > 200 { return "it is longer than 200 characters" }
        return lineProblem(label)
    }

    /// One line of text printed as it is (a host, a CPU or GPU model, a license's name, the
    /// signal that interrupted a run): no control character or line break.
    public static func lineProblem(_ text: String) -> String? {
        text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            || $0 == "\u{2028}" || $0 == "\u{2029}" }) ? "it contains a control character or line break" : nil
    }

    public static func huggingFaceRepoProblem(_ repo: String) -> String? {
        let parts = repo.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }), !containsUnsafeCharacter(Substring(repo)),
              !repo.contains("@") else { return "expected ORG/NAME, e.g. meta-llama/Llama-3.1-8B" }
        return nil
    }

    /// A Hugging Face revision: a commit id or a branch or tag name.
    public static func huggingFaceRevisionProblem(_ revision: String) -> String? {
        guard !revision.isEmpty, !containsUnsafeCharacter(Substring(revision)), !revision.contains("@") else {
            return "expected a commit id or branch name, e.g. 0e9e39f"
        }
        return nil
    }

    /// A path inside a tracked folder as a manifest lists it: relative, no `.`/`..`
    /// or empty component, so it can never name a file outside the folder.
    public static func manifestPathProblem(_ path: String) -> String? {
        if path.isEmpty { return "it is empty" }
        if path.hasPrefix("/") { return "it is absolute" }
        if path.utf8.contains(0) { return "it contains a NUL byte" }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) {
            return "it has a \".\", \"..\" or empty component"
        }
        return nil
    }

    /// A git commit id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.
    public static func commitProblem(_ text: String) -> String? {
        guard text.count == 40 || text.count == 64,
              text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) })
        else { return "expected a git commit id of 40 or 64 lower-case hex digits" }
        return nil
    }
}
