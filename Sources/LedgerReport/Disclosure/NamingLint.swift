import LedgerCore

/// Checks derived models against the naming duty of their bases' licenses (Llama 3: the
/// name must begin with "Llama 3"; Llama 3.1 on: "Llama").
///
/// Names are compared the way model names are written in practice: case-insensitively and
/// ignoring spaces, hyphens, underscores and dots, so `llama-3-8b-acme` satisfies "Llama 3"
/// and `acme-llama-3` does not.
struct NamingLint {
    let facts: ArtifactFacts

    func check(_ models: some Sequence<Digest>) -> [DisclosureLint] {
        var memo = Memo()
        return models.flatMap { check($0, memo: &memo) }
    }

    /// What every model's check shares: thousands of fine-tunes descend from a few bases.
    private struct Memo {
        /// Per license id, what the lints cite, made once and shared by every lint under it.
        var evidence: [String: LicenseEvidence] = [:]
        /// Per ancestor, the licenses of its recorded expression that impose a name.
        var naming: [Digest: [License]] = [:]
    }

    private func check(_ model: Digest, memo: inout Memo) -> [DisclosureLint] {
        let subject = facts.ref(model)
        var checked: Set<String> = []
        var lints: [DisclosureLint] = []
        for (ancestor, _) in facts.ancestors(model) {
            let imposing: [License]
            if let known = memo.naming[ancestor] {
                imposing = known
            } else {
                imposing = facts.terms(ancestor)?.imposing { $0.derivativeNaming.required == true } ?? []
                memo.naming[ancestor] = imposing
            }
            for license in imposing {
                guard let prefix = license.derivativeNaming.requiredPrefix,
                      checked.insert(license.id.lowercased()).inserted,
                      !Self.name(subject.name, beginsWith: prefix) else { continue }
                let key = license.id.lowercased()
                let cited = memo.evidence[key] ?? facts.evidence(license, fact: license.derivativeNaming.summary, requiredPrefix: prefix)
                if memo.evidence[key] == nil { memo.evidence[key] = cited }
                lints.append(DisclosureLint(rule: .derivativeName, artifact: subject, base: facts.ref(ancestor), license: cited))
            }
        }
        return lints
    }

    static func name(_ name: String, beginsWith prefix: String) -> Bool {
        // ASCII is folded byte by byte, with no copies: every derived model in scope is checked.
        if name.utf8.allSatisfy({ $0 < 0x80 }), prefix.utf8.allSatisfy({ $0 < 0x80 }) {
            func folded(_ text: String) -> some Sequence<UInt8> {
                text.utf8.lazy.filter { !Self.ignoredASCII.contains($0) }.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            }
            var names = folded(name).makeIterator()
            for byte in folded(prefix) where names.next() != byte { return false }
            return true
        }
        func folded(_ text: String) -> String {
            String(text.lowercased().filter { !" -_.".contains($0) })
        }
        return folded(name).hasPrefix(folded(prefix))
    }

    private static let ignoredASCII: [UInt8] = Array(" -_.".utf8)
}
