import LedgerCore

/// What the snapshot says about each digest, folded once: latest name, kind, license,
/// availability as of the statement's day, lineage, and the limitations that follow.
struct ArtifactFacts {
    let catalog: LicenseCatalog
    /// Lower-cased license id → the ledger defining it.
    let definedIn: [String: String]
    let asOf: String?
    let verification: [Digest: Bool]
    private let records: [Digest: [ArtifactRecord]]
    private let events: [Digest: [AvailabilityEvent]]
    /// Names experiments gave digests that no artifact record describes.
    private let useNames: [Digest: String]

    init(snapshot: LedgerSnapshot, catalog: LicenseCatalog, definedIn: [String: String], options: DisclosureOptions) {
        self.catalog = catalog
        self.definedIn = definedIn
        asOf = options.asOf
        verification = options.verification
        records = Dictionary(grouping: snapshot.artifacts.map(\.value), by: \.digest)
        events = Dictionary(grouping: snapshot.events.map(\.value), by: \.digest)
        var names: [Digest: String] = [:]
        for run in snapshot.experiments {
            for use in run.value.inputs + run.value.outputs where names[use.digest] == nil {
                names[use.digest] = use.name
            }
        }
        useNames = names
    }

    func ref(_ digest: Digest) -> ArtifactRef {
        ArtifactRef(name: records[digest]?.last?.name ?? useNames[digest] ?? digest.description, digest: digest)
    }

    /// The latest recorded license expression.
    func recordedLicense(_ digest: Digest) -> String? {
        records[digest]?.last { $0.license != nil }?.license
    }

    func kind(_ digest: Digest) -> ArtifactKind? { records[digest]?.last?.kind }

    /// Parents through `derivedFrom`, across every record of the digest, in first-seen order.
    func parents(_ digest: Digest) -> [Digest] {
        var seen: Set<Digest> = []
        return (records[digest] ?? []).flatMap(\.derivedFrom).filter { $0 != digest && seen.insert($0).inserted }
    }

    /// Every ancestor with the chain that reaches it (`[digest, …, ancestor]`), nearest first.
    func ancestors(_ digest: Digest) -> [(ancestor: Digest, chain: [Digest])] {
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

    func status(_ digest: Digest) -> AvailabilityEvent? {
        AvailabilityFold.status(of: events[digest] ?? [], onOrBefore: asOf)
    }

    func retained(_ digest: Digest) -> AvailabilityEvent? {
        AvailabilityFold.retainedCopy(in: events[digest] ?? [], onOrBefore: asOf)
    }

    /// Only a git-LFS pointer was ever recorded: the content itself was never hashed.
    func pointerOnly(_ digest: Digest) -> Bool {
        guard let all = records[digest], !all.isEmpty else { return false }
        return all.allSatisfy { $0.layout == .lfsPointer }
    }

    func terms(_ digest: Digest) -> LicenseTerms? {
        guard let text = recordedLicense(digest), let expression = try? LicenseExpression(parsing: text) else {
            return nil
        }
        return LicenseTerms(expression: expression, catalog: catalog)
    }

    func evidence(_ license: License, fact: String, userCap: Int? = nil, requiredPrefix: String? = nil,
                  noticeText: String? = nil) -> LicenseEvidence {
        LicenseEvidence(license: license, definedIn: definedIn[license.id.lowercased()], fact: fact,
                        userCap: userCap, requiredPrefix: requiredPrefix, noticeText: noticeText)
    }

    /// Where the artifact came from, across every record, each source once.
    func sources(_ digest: Digest) -> [ArtifactSource] {
        var seen: Set<ArtifactSource> = []
        return (records[digest] ?? []).flatMap(\.sources).filter { seen.insert($0).inserted }
    }

    /// How the digest was taken: a pointer only if every record says so.
    func layout(_ digest: Digest) -> ArtifactLayout? {
        guard let all = records[digest], !all.isEmpty else { return nil }
        return pointerOnly(digest) ? .lfsPointer : all.last { $0.layout != .lfsPointer }?.layout
    }

    func describe(_ digest: Digest, role: DisclosedArtifact.Role) -> DisclosedArtifact {
        let all = records[digest] ?? []
        let licenseNames = terms(digest).map { terms in
            terms.expression.licenseIDs.map { catalog.license(for: $0)?.name ?? $0 }
        } ?? []
        return DisclosedArtifact(
            digest: digest, name: ref(digest).name, kind: all.last?.kind, layout: layout(digest),
            role: role, license: recordedLicense(digest),
            licenseNames: licenseNames.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            sources: sources(digest),
            derivedFrom: parents(digest).map(ref),
            availability: status(digest).map(EventEvidence.init),
            retainedCopy: retained(digest).map(EventEvidence.init),
            verified: verification[digest])
    }
}
