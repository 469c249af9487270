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
        var evidence: [String: LicenseEvidence] = [:]
        return models.flatMap { check($0, evidence: &evidence) }
    }

    /// `evidence`: per license id, what the lints cite, made once and shared by every lint under it.
    private func check(_ model: Digest, evidence: inout [String: LicenseEvidence]) -> [DisclosureLint] {
        let subject = facts.ref(model)
        var checked: Set<String> = []
        var lints: [DisclosureLint] = []
        for (ancestor, _) in facts.ancestors(model) {
            guard let terms = facts.terms(ancestor) else { continue }
            for license in terms.imposing({ $0.derivativeNaming.required == true }) {
                guard let prefix = license.derivativeNaming.requiredPrefix,
                      checked.insert(license.id.lowercased()).inserted,
                      !Self.name(subject.name, beginsWith: prefix) else { continue }
                let key = license.id.lowercased()
                let cited = evidence[key] ?? facts.evidence(license, fact: license.derivativeNaming.summary, requiredPrefix: prefix)
                if evidence[key] == nil { evidence[key] = cited }
                lints.append(DisclosureLint(rule: .derivativeName, artifact: subject, base: facts.ref(ancestor), license: cited))
            }
        }
        return lints
    }

    static func name(_ name: String, beginsWith prefix: String) -> Bool {
        func folded(_ text: String) -> String {
            String(text.lowercased().filter { !" -_.".contains($0) })
        }
        return folded(name).hasPrefix(folded(prefix))
    }
}
