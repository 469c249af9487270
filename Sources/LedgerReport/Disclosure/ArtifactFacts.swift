import Algorithms
import LedgerCore

/// What the snapshot says about each digest, folded once: latest name, kind, license,
/// availability as of the statement's day, lineage, and the limitations that follow.
struct ArtifactFacts {
    let catalog: LicenseCatalog
    /// Lower-cased license id → the ledger defining it.
    let definedIn: [String: String]
    let verification: [Digest: Bool]
    /// What the ledger says about each digest as of the statement's day.
    private let views: [Digest: ArtifactView]
    /// The name each digest is cited by (looked up for every input of every run, so kept
    /// apart from the views).
    let names: ArtifactNames
    /// What is worked out on first use and asked for again: limitations, classes, ancestors,
    /// parsed license terms and code evidence per digest, expression or code state.
    let limitationCache = LimitationCache()

    init(input: DisclosureInput, catalog: LicenseCatalog, definedIn: [String: String], options: DisclosureOptions) {
        self.catalog = catalog
        self.definedIn = definedIn
        verification = options.verification
        let views = input.records.artifactViews(asOf: options.asOf)
        self.views = views
        var names: [Digest: String] = [:]
        for run in input.runs {
            for use in run.inputs where names[use.digest] == nil { names[use.digest] = use.name }
            for use in run.outputs where names[use.digest] == nil { names[use.digest] = use.name }
        }
        for (digest, view) in views {
            if let name = view.name { names[digest] = name }
        }
        self.names = ArtifactNames(names)
    }

    func ref(_ digest: Digest) -> ArtifactRef { names.ref(digest) }

    /// The latest recorded license expression.
    func recordedLicense(_ digest: Digest) -> String? {
        views[digest]?.license
    }

    func kind(_ digest: Digest) -> ArtifactKind? { views[digest]?.kind }

    /// Parents through `derivedFrom`, across every record of the digest, in first-seen order.
    func parents(_ digest: Digest) -> [Digest] { views[digest]?.derivedFrom ?? [] }

    /// Every ancestor with the chain that reaches it (`[digest, …, ancestor]`), nearest first.
    /// Asked for each input of each paragraph: walked once per digest.
    func ancestors(_ digest: Digest) -> [(ancestor: Digest, chain: [Digest])] {
        if let known = limitationCache.ancestors[digest] { return known }
        let found = walkAncestors(digest)
        limitationCache.ancestors[digest] = found
        return found
    }

    private func walkAncestors(_ digest: Digest) -> [(ancestor: Digest, chain: [Digest])] {
        var found: [(Digest, [Digest])] = []
        var visited: Set<Digest> = [digest]
        var frontier: [[Digest]] = [[digest]]
        while !frontier.isEmpty {
            var next: [[Digest]] = []
            for chain in frontier {
                for parent in parents(chain.last!) where visited.insert(parent).inserted {
                    found.append((parent, chain + [parent]))
                    next.append(chain + [parent])
                }
            }
            frontier = next
        }
        return found
    }

    func status(_ digest: Digest) -> AvailabilityEvent? { views[digest]?.availability }

    func retained(_ digest: Digest) -> AvailabilityEvent? { views[digest]?.retainedCopy }

    /// Only a git-LFS pointer was ever recorded: the content itself was never hashed.
    func pointerOnly(_ digest: Digest) -> Bool { views[digest]?.pointerOnly ?? false }

    /// The recorded expression's terms; nil when none is recorded or it does not parse. A lab
    /// ledger records a handful of expressions on thousands of artifacts: each is parsed once.
    func terms(_ digest: Digest) -> LicenseTerms? {
        recordedLicense(digest).flatMap(terms(recorded:))
    }

    private func terms(recorded text: String) -> LicenseTerms? {
        if let known = limitationCache.terms[text] { return known }
        let terms = (try? LicenseExpression(parsing: text)).map { LicenseTerms(expression: $0, catalog: catalog) }
        limitationCache.terms[text] = .some(terms)
        return terms
    }

    func evidence(_ license: License, fact: String, userCap: Int? = nil, requiredPrefix: String? = nil,
                  noticeText: String? = nil) -> LicenseEvidence {
        LicenseEvidence(license: license, definedIn: definedIn[license.id.lowercased()], fact: fact,
                        userCap: userCap, requiredPrefix: requiredPrefix, noticeText: noticeText)
    }

    /// Where the artifact came from, across every record, each source once.
    func sources(_ digest: Digest) -> [ArtifactSource] { views[digest]?.sources ?? [] }

    /// How the digest was taken: a pointer only if every record says so.
    func layout(_ digest: Digest) -> ArtifactLayout? { views[digest]?.layout }

    func describe(_ digest: Digest, role: DisclosedArtifact.Role) -> DisclosedArtifact {
        let view = views[digest]
        let license = view?.license
        let licenseNames = license.flatMap(terms(recorded:)).map { terms in
            terms.expression.licenseIDs.map { catalog.license(for: $0)?.name ?? $0 }
        } ?? []
        return DisclosedArtifact(
            digest: digest, name: ref(digest).name, kind: view?.kind, layout: view?.layout,
            role: role, license: license,
            licenseNames: Array(licenseNames.uniqued()),
            sources: view?.sources ?? [],
            derivedFrom: (view?.derivedFrom ?? []).map(ref),
            availability: view?.availability.map(EventEvidence.init),
            retainedCopy: view?.retainedCopy.map(EventEvidence.init),
            verified: verification[digest])
    }
}

/// The memo behind `ArtifactFacts`' lookups (limitations, the class each input's deciding
/// limitation gives, ancestors, license terms, code evidence): the facts never change once built.
final class LimitationCache {
    var byDigest: [Digest: [Limitation]] = [:]
    var ancestors: [Digest: [(ancestor: Digest, chain: [Digest])]] = [:]
    /// Per recorded expression, its terms (nil when it does not parse).
    var terms: [String: LicenseTerms?] = [:]
    /// Per recorded expression and whether the artifact is a dataset: what its license limits.
    var licenseLimitations: [LicenseLimitationsKey: [Limitation]] = [:]

    struct LicenseLimitationsKey: Hashable {
        var recorded: String
        var dataset: Bool
    }
    /// Per input digest, the class its deciding limitation gives (see `DisclosureGroupBuilder`).
    var deciding: [Digest: Reproducibility?] = [:]
    /// Per code state, the evidence of its problem: thousands of runs share one dirty commit.
    var codeEvidence: [CodeState: Evidence] = [:]
}
