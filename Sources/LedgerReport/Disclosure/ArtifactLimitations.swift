import LedgerCore

extension ArtifactFacts {
    /// The limitations of one artifact on its own, in `LimitationKind` order, without the
    /// experiments they affect (the paragraph fills those in).
    /// Asked for every input of every paragraph and every ancestor of each: computed once per digest.
    func limitations(of digest: Digest) -> [Limitation] {
        if let known = limitationCache.byDigest[digest] { return known }
        let found = computeLimitations(of: digest)
        limitationCache.byDigest[digest] = found
        return found
    }

    private func computeLimitations(of digest: Digest) -> [Limitation] {
        let subject = ref(digest)
        var found = availability(of: digest) + licenseLimitations(of: digest) + integrity(of: digest)
        for index in found.indices { found[index].artifact = subject }
        return found.enumerated()
            .sorted { (Self.kindOrder[$0.element.kind]!, $0.offset) < (Self.kindOrder[$1.element.kind]!, $1.offset) }
            .map(\.element)
    }

    private static let kindOrder = Dictionary(uniqueKeysWithValues: LimitationKind.allCases.enumerated().map { ($1, $0) })

    /// The status in force on the statement's day, and a retained copy as a mitigation. With
    /// no event at all, a Hugging Face source under a license whose official repositories are
    /// gated is stated as likely gated, citing the catalog.
    private func availability(of digest: Digest) -> [Limitation] {
        var found: [Limitation] = []
        if let event = status(digest) {
            let kind: LimitationKind? = switch event.status {
            case .withdrawn: .withdrawn
            case .deprecated: .deprecated
            case .apiOnly: .apiOnly
            case .gated: .gated
            case .private: .privateData
            case .open, .retained: nil
            }
            if let kind { found.append(Limitation(kind: kind, evidence: Evidence(event: EventEvidence(event)))) }
        } else if sources(digest).contains(where: { $0.type == .huggingface }), let terms = terms(digest) {
            for license in terms.imposing(\.usuallyGated) {
                found.append(Limitation(kind: .gated, evidence: Evidence(
                    license: evidence(license, fact: license.hubGating.summary),
                    recordedLicense: recordedLicense(digest))))
            }
        }
        if let copy = retained(digest) {
            found.append(Limitation(kind: .retainedCopy, evidence: Evidence(event: EventEvidence(copy))))
        }
        return found
    }

    /// What the recorded license limits depends only on its text and whether the artifact is a
    /// dataset: worked out once per pair, and the evidence shared by every artifact under it.
    private func licenseLimitations(of digest: Digest) -> [Limitation] {
        guard let recorded = recordedLicense(digest) else {
            return [Limitation(kind: .licenseUnknown, evidence: Evidence())]
        }
        let key = LimitationCache.LicenseLimitationsKey(recorded: recorded, dataset: kind(digest) == .dataset)
        if let known = limitationCache.licenseLimitations[key] { return known }
        let found = licenseLimitations(recorded: recorded, terms: terms(digest), dataset: key.dataset)
        limitationCache.licenseLimitations[key] = found
        return found
    }

    private func licenseLimitations(recorded: String, terms: LicenseTerms?, dataset: Bool) -> [Limitation] {
        guard let terms else {
            return [Limitation(kind: .licenseUnknown, evidence: Evidence(recordedLicense: recorded, unknownLicenseIDs: [recorded]))]
        }
        var found: [Limitation] = []
        func add(_ kind: LimitationKind, _ term: (License) -> Bool, _ evidence: (License) -> LicenseEvidence) {
            for license in terms.imposing(term) {
                found.append(Limitation(kind: kind, evidence: Evidence(license: evidence(license), recordedLicense: recorded)))
            }
        }
        add(.redistributionForbidden, \.forbidsRedistributionOfWeights) {
            evidence($0, fact: $0.redistributionConditions ?? "The license forbids redistribution.")
        }
        add(.nonCommercial, \.nonCommercial) { evidence($0, fact: "Only non-commercial use is licensed.") }
        add(.usageCap, { $0.commercialUse.restriction != nil }) {
            evidence($0, fact: $0.commercialUse.restriction ?? "", userCap: $0.commercialUse.userCap)
        }
        // OSI reviews software licenses; stating it of a data license would mislead.
        if !dataset {
            add(.notOSIApproved, { !$0.osiApproved }) { evidence($0, fact: "The license is not OSI-approved.") }
        }
        add(.attributionDuty, { $0.attribution.required == true }) {
            evidence($0, fact: $0.attribution.summary, noticeText: $0.attribution.noticeText)
        }
        add(.namingDuty, { $0.derivativeNaming.required == true }) {
            evidence($0, fact: $0.derivativeNaming.summary, requiredPrefix: $0.derivativeNaming.requiredPrefix)
        }
        let unknown = terms.unknownIDs
        if !unknown.isEmpty {
            found.append(Limitation(kind: .licenseUnknown, evidence: Evidence(recordedLicense: recorded, unknownLicenseIDs: unknown)))
        }
        return found
    }

    private func integrity(of digest: Digest) -> [Limitation] {
        var found: [Limitation] = []
        if pointerOnly(digest) {
            found.append(Limitation(kind: .hashNotRecorded, evidence: Evidence(
                integrity: IntegrityEvidence(layout: .lfsPointer, verified: verification[digest]))))
        }
        if verification[digest] == false {
            found.append(Limitation(kind: .hashMismatch, evidence: Evidence(
                integrity: IntegrityEvidence(layout: layout(digest), verified: false))))
        }
        return found
    }
}

extension CodeEvidence.Problem {
    /// Why the recorded code state does not pin the code that ran, or nil when it does.
    init?(_ code: CodeState) {
        if !code.repository {
            self = .noRepository
        } else if code.commit == nil {
            self = .noCommit
        } else if code.dirty {
            self = .uncommittedChanges
        } else {
            return nil
        }
    }
}

private extension CommercialUse {
    /// The terms of a restricted commercial use, nil for any other verdict.
    var restriction: String? {
        if case .restricted(let summary, _) = self { summary } else { nil }
    }
}
