import LedgerCore

/// A piece of a statement sentence. Statements are composed once in these pieces and then
/// spelled by each format, so LaTeX, Markdown and text say exactly the same things.
enum Inline: Hashable, Sendable {
    /// Prose written by repro itself (plain ASCII words and punctuation).
    case words(String)
    /// Text from the ledger or the catalog (names, license names), escaped per format.
    case text(String)
    /// An experiment name.
    case emphasis(String)
    /// Boxed, as `shortDigest`: a digest's 32 bytes inline made every piece 40 bytes, and a
    /// whole-ledger sentence listing 100,000 experiments is 200,000 pieces.
    indirect case digest(Digest)
    /// `sha256:` and the first 12 hex digits, for running text; the full digest is in the
    /// appendix, the macros and JSON.
    indirect case shortDigest(Digest)
    /// A command or file name, in typewriter type.
    case code(String)
    /// A commit id, in typewriter type with break points like a digest.
    case commit(String)
    case url(String)
    /// A reference to the paper's own label, e.g. `Table~\ref{tab:ablation}`.
    case label(String)
    /// Several of the paper's labels, those of one kind together: `Tables~\ref{tab:a}--\ref{tab:c}
    /// and Figure~\ref{fig:b}`, or "Tables 1–3 and Figure 2" when the paper's numbers are known.
    case labels([String])
    /// Text from the ledger or catalog in quotation marks.
    case quoted(String)
}

typealias Sentence = [Inline]

/// Joins items as "A", "A and B", "A, B, and C". Takes any collection, so a lazy one lists 100,000
/// experiment names without first making an array of 100,000 one-item sentences.
func listed(_ items: some Collection<Sentence>, conjunction: String = "and") -> Sentence {
    var out: Sentence = []
    list(items, conjunction: conjunction, onto: &out)
    return out
}

/// `listed`, appended to `sentence` rather than made apart and copied in.
func list(_ items: some Collection<Sentence>, conjunction: String = "and", onto sentence: inout Sentence) {
    let count = items.count
    sentence.reserveCapacity(sentence.count + count * 2)
    for (index, item) in items.enumerated() {
        if index > 0 { sentence.append(.words(count == 2 ? " \(conjunction) " : index == count - 1 ? ", \(conjunction) " : ", ")) }
        sentence += item
    }
}
