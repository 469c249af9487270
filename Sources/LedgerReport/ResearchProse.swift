import Foundation

/// Reads the few facts that the research states only in prose: user caps, name prefixes,
/// Hugging Face slugs, URLs with trailing remarks, and "None …" restriction sentences.
///
/// Each reader is narrow and the catalog tests pin its result for every researched entry, so
/// a rewording in `licenses.json` shows up as a failing test rather than a silent change.
enum ResearchProse {
    /// `>700 million monthly active users` → 700_000_000; nil when no MAU threshold is stated.
    static func monthlyActiveUserCap(in text: String) -> Int? {
        guard let match = text.firstMatch(of: Pattern.userCap),
              let number = Double(match.1.replacingOccurrences(of: ",", with: "")) else {
            return nil
        }
        let scale: Double = switch match.2?.lowercased() {
        case "million": 1_000_000
        case "billion": 1_000_000_000
        default: 1
        }
        return Int(number * scale)
    }

    /// `… its name must begin with 'Llama 3' …` → `Llama 3`.
    static func requiredNamePrefix(in text: String) -> String? {
        text.firstMatch(of: Pattern.namePrefix).map { String($0.1) }
    }

    /// Whether `text` is a bare Hugging Face tag or slug such as `llama3.1` or `openrail++`.
    static func isSlug(_ text: some StringProtocol) -> Bool {
        String(text).wholeMatch(of: Pattern.slug) != nil
    }

    /// The tag in a researched `hf_license_id`: the value itself when it is a tag, else the
    /// `other + <slug>` the prose reports community repositories using (returned as an alias).
    static func huggingFaceTag(in text: String) -> (tag: String, aliases: [String])? {
        if isSlug(text) { return (text, []) }
        guard let match = text.firstMatch(of: Pattern.otherPlusSlug) else { return nil }
        return ("other", [String(match.1)])
    }

    /// The `license_name` slugs in a researched `hf_license_name`: a leading slug
    /// (`mrl (license_link: …)`), a slug after `license_name`, and quoted slugs (`'tongyi-qianwen'`).
    static func licenseNameSlugs(in text: String?) -> [String] {
        guard let text else { return [] }
        var slugs: [String] = []
        if let leading = text.prefixMatch(of: Pattern.leadingSlug) {
            slugs.append(String(leading.1))
        }
        for match in text.matches(of: Pattern.licenseNameSlug) {
            slugs.append(String(match.1))
        }
        for match in text.matches(of: Pattern.quotedSlug) {
            slugs.append(String(match.1))
        }
        return slugs.reduce(into: []) { unique, slug in
            if !unique.contains(slug) { unique.append(slug) }
        }
    }

    /// The URL at the start of `text`, dropping remarks after it (`https://… (as linked from …)`).
    static func leadingURL(in text: String?) -> URL? {
        guard let token = text?.split(whereSeparator: \.isWhitespace).first, token.hasPrefix("http") else {
            return nil
        }
        return URL(string: String(token))
    }

    /// "None …" is unrestricted, "Unconfirmed" / "Per license text" / "(unconfirmed)" is
    /// unconfirmed, and anything else is a restriction to disclose in the research's words.
    static func geographicRestriction(in text: String) -> GeographicRestriction {
        let lower = text.lowercased()
        if lower.contains("unconfirmed") || lower.hasPrefix("per license text") {
            return .unconfirmed
        }
        if lower.hasPrefix("none") {
            return .unrestricted
        }
        return .restricted(text)
    }

    /// Whether redistribution prose forbids passing the artifact on at all (as opposed to
    /// attaching conditions such as notices or flow-down terms).
    static func forbidsRedistribution(in text: String) -> Bool {
        text.firstMatch(of: Pattern.forbidding) != nil
    }

    /// The patterns, built once per process. A regex literal is parsed from its text and
    /// compiled each time it is evaluated: in the functions above, that was 31 licenses times
    /// eight patterns at every start of a statement, about 60 ms of a 100 ms budget.
    /// `Regex` is not marked Sendable, but a shared one is only read: it stores its compiled
    /// program once, with an atomic initialisation, and matching keeps its state per call.
    private enum Pattern {
        nonisolated(unsafe) static let userCap =
            /(\d[\d,]*(?:\.\d+)?)\s*(million|billion)?\s+(?:monthly active users|MAU\b)/.ignoresCase()
        nonisolated(unsafe) static let namePrefix = /begins? with '([^']+)'/
        nonisolated(unsafe) static let slug = /[a-z0-9][a-z0-9.+\-]*/
        nonisolated(unsafe) static let otherPlusSlug = /\bother \+ ([a-z0-9][a-z0-9.+\-]*)/
        nonisolated(unsafe) static let leadingSlug = /([a-z0-9][a-z0-9.+\-]*)(?=\s*\(|\s*;|$)/
        nonisolated(unsafe) static let licenseNameSlug = /license_name ([a-z0-9][a-z0-9.+\-]*)/
        nonisolated(unsafe) static let quotedSlug = /'([a-z0-9][a-z0-9.+\-]*)'/
        nonisolated(unsafe) static let forbidding =
            /(?:may not|must not|cannot|shall not)\s+(?:re)?distribut|(?:re)?distribution\s+(?:is\s+)?(?:not permitted|prohibited|forbidden)/
            .ignoresCase()
    }
}
