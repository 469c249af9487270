import LedgerCore
import LedgerReport
import Testing

/// Every limitation class is found with its evidence, from the fixture ledger.
@Suite struct DisclosureAnalysisTests {
    let fixture = DisclosureFixture()
    typealias F = DisclosureFixture

    func limitations(_ analysis: DisclosureAnalysis, _ kind: LimitationKind, of digest: Digest? = nil) -> [Limitation] {
        analysis.distinctLimitations.filter { $0.kind == kind && (digest == nil || $0.artifact?.digest == digest) }
    }

    @Test func groupsFollowTheLabelsAndListInputsInFirstUseOrder() throws {
        let analysis = try fixture.analysis()
        #expect(analysis.groups.map(\.section) == ["tab:main", "tab:ablation", nil])
        #expect(analysis.groups.map { $0.experiments.map(\.name) } == [["sft-llama"], ["ablation-notes"], ["eval-judge"]])
        #expect(analysis.groups[0].artifacts.map(\.name) == ["Llama-3.1-8B", "c4-en", "llama3-tokenizer"])
        #expect(analysis.artifacts.map(\.name) == ["Llama-3.1-8B", "c4-en", "llama3-tokenizer", "acme-ft-8b",
                                                    "ward-notes-2019", "judge-api-model", "sentiment-lexicon"])
        #expect(analysis.artifacts.first { $0.name == "acme-ft-8b" }?.role == .used)
        #expect(analysis.limitationCount == 25)
    }

    @Test func withdrawalCarriesItsDateAndEvidenceAndTheRetainedCopy() throws {
        let analysis = try fixture.analysis()
        let withdrawn = try #require(limitations(analysis, .withdrawn, of: F.base).first)
        #expect(withdrawn.evidence.event?.date == "2025-07-23")
        #expect(withdrawn.evidence.event?.url == "https://example.org/notices/llama-3.1-8b")
        #expect(withdrawn.artifact == ArtifactRef(name: "Llama-3.1-8B", digest: F.base))
        let retained = try #require(limitations(analysis, .retainedCopy, of: F.base).first)
        #expect(retained.evidence.event?.date == "2025-08-01")
        #expect(retained.evidence.event?.note == "kept on lab storage")
        #expect(retained.kind.isMitigation)
    }

    @Test func aFineTuneInheritsItsBaseWithdrawalNamingTheChain() throws {
        let group = try fixture.analysis().groups[1]
        let inherited = try #require(group.limitations.first { $0.kind == .withdrawn })
        #expect(inherited.lineage.map(\.name) == ["acme-ft-8b", "Llama-3.1-8B"])
        #expect(inherited.artifact?.digest == F.base)
        #expect(inherited.experiments == ["ablation-notes"])
        #expect(group.limitations.contains { $0.kind == .retainedCopy && $0.lineage.count == 2 })
        // The fine-tune's own Llama terms already state the license; the base's are not repeated.
        #expect(!group.limitations.contains { $0.lineage.count > 0 && $0.kind.isLicenseTerm })
        #expect(!group.limitations.contains { $0.lineage.count > 0 && $0.kind == .hashNotRecorded })
    }

    @Test func asOfBeforeTheWithdrawalShowsGatedAccessInstead() throws {
        let analysis = try fixture.analysis(DisclosureOptions(asOf: "2025-01-01"))
        #expect(limitations(analysis, .withdrawn).isEmpty)
        #expect(limitations(analysis, .retainedCopy).isEmpty)
        let gated = try #require(limitations(analysis, .gated, of: F.base).first)
        #expect(gated.evidence.event?.date == "2024-07-23")
        #expect(gated.evidence.event?.url == "https://huggingface.co/meta-llama/Llama-3.1-8B")
        #expect(analysis.asOf == "2025-01-01")
    }

    @Test func withNoEventYetAHuggingFaceModelUnderAGatedLicenseIsStatedAsLikelyGated() throws {
        let analysis = try fixture.analysis(DisclosureOptions(asOf: "2024-01-01"))
        let gated = try #require(limitations(analysis, .gated, of: F.base).first)
        #expect(gated.evidence.event == nil)
        #expect(gated.evidence.license?.id == "llama3.1")
        #expect(gated.evidence.license?.fact.contains("gated") == true)
        // A local tokenizer under the same license is not claimed gated.
        #expect(limitations(analysis, .gated, of: F.tokenizer).isEmpty)
    }

    @Test func apiOnlyDeprecatedAndPrivateComeFromTheirEvents() throws {
        let analysis = try fixture.analysis()
        #expect(limitations(analysis, .apiOnly, of: F.judge).first?.evidence.event?.url == "https://api.example.com/docs")
        #expect(limitations(analysis, .deprecated, of: F.lexicon).first?.evidence.event?.date == "2025-03-01")
        #expect(limitations(analysis, .privateData, of: F.clinical).first?.evidence.event?.date == "2024-03-01")
        #expect(limitations(analysis, .privateData).count == 1)
    }

    @Test func licenseTermsCiteTheCatalogOrTheLedgerThatDefinesThem() throws {
        let analysis = try fixture.analysis()
        let cap = try #require(limitations(analysis, .usageCap, of: F.base).first)
        #expect(cap.evidence.license?.userCap == 700_000_000)
        #expect(cap.evidence.license?.definedIn == nil)
        #expect(cap.evidence.recordedLicense == "llama3.1")
        let naming = try #require(limitations(analysis, .namingDuty, of: F.base).first)
        #expect(naming.evidence.license?.requiredPrefix == "Llama")
        let attribution = try #require(limitations(analysis, .attributionDuty, of: F.base).first)
        #expect(attribution.evidence.license?.noticeText?.hasPrefix("Llama 3.1 is licensed under") == true)
        #expect(limitations(analysis, .notOSIApproved, of: F.base).first?.evidence.license?.name
            == "Llama 3.1 Community License Agreement")

        let redistribution = try #require(limitations(analysis, .redistributionForbidden, of: F.clinical).first)
        #expect(redistribution.evidence.license?.id == "acme-clinical-dua")
        #expect(redistribution.evidence.license?.definedIn == "main")
        #expect(redistribution.evidence.recordedLicense == "LicenseRef-acme-clinical-dua")
        #expect(limitations(analysis, .nonCommercial, of: F.clinical).first?.evidence.license?.id == "acme-clinical-dua")
        #expect(limitations(analysis, .attributionDuty, of: F.c4).first?.evidence.license?.id == "odc-by-1.0")
    }

    @Test func osiApprovalIsNotStatedOfDatasets() throws {
        let analysis = try fixture.analysis()
        #expect(limitations(analysis, .notOSIApproved, of: F.c4).isEmpty)
        #expect(limitations(analysis, .notOSIApproved, of: F.clinical).isEmpty)
        #expect(!limitations(analysis, .notOSIApproved, of: F.tokenizer).isEmpty)
    }

    @Test func unknownLicensesSayWhatWasRecorded() throws {
        let analysis = try fixture.analysis()
        let none = try #require(limitations(analysis, .licenseUnknown, of: F.judge).first)
        #expect(none.evidence.recordedLicense == nil)
        let other = try #require(limitations(analysis, .licenseUnknown, of: F.lexicon).first)
        #expect(other.evidence.recordedLicense == "other")
        #expect(other.evidence.unknownLicenseIDs == ["other"])
        // "other" is Hugging Face's word for a custom license: no terms are attributed to it.
        #expect(analysis.distinctLimitations.filter { $0.artifact?.digest == F.lexicon }.map(\.kind) == [.deprecated, .licenseUnknown])
    }

    @Test func orLetsTheUserChooseAndAndBindsToBoth() throws {
        let either = try fixture.analysis(edit: F.license("Apache-2.0 OR llama3.1", for: F.tokenizer))
        #expect(limitations(either, .notOSIApproved, of: F.tokenizer).isEmpty)
        #expect(limitations(either, .usageCap, of: F.tokenizer).isEmpty)
        let both = try fixture.analysis(edit: F.license("Apache-2.0 AND llama3.1", for: F.tokenizer))
        #expect(limitations(both, .notOSIApproved, of: F.tokenizer).first?.evidence.license?.id == "llama3.1")
        let unknownAlternative = try fixture.analysis(edit: F.license("MIT OR LicenseRef-nowhere", for: F.judge))
        #expect(limitations(unknownAlternative, .licenseUnknown, of: F.judge).isEmpty)
        let unknownPart = try fixture.analysis(edit: F.license("MIT AND LicenseRef-nowhere", for: F.judge))
        #expect(limitations(unknownPart, .licenseUnknown, of: F.judge).first?.evidence.unknownLicenseIDs == ["LicenseRef-nowhere"])
    }

    @Test func pointerOnlyDigestsAndFailedVerificationAreIntegrityLimitations() throws {
        let analysis = try fixture.analysis(DisclosureOptions(verification: [F.c4: false, F.base: true]))
        #expect(limitations(analysis, .hashNotRecorded, of: F.tokenizer).first?.evidence.integrity?.layout == .lfsPointer)
        let mismatch = try #require(limitations(analysis, .hashMismatch, of: F.c4).first)
        #expect(mismatch.evidence.integrity?.verified == false)
        #expect(limitations(analysis, .hashMismatch, of: F.base).isEmpty)
        #expect(analysis.artifacts.first { $0.digest == F.base }?.verified == true)
        #expect(try fixture.analysis().distinctLimitations.allSatisfy { $0.kind != .hashMismatch })
    }

    @Test func codeNotCommittedAtRunTimeIsStatedPerExperiment() throws {
        let analysis = try fixture.analysis()
        let dirty = try #require(limitations(analysis, .uncommittedCode).first { $0.experiment == "ablation-notes" })
        #expect(dirty.evidence.code?.problem == .uncommittedChanges)
        #expect(dirty.evidence.code?.commit == F.commit)
        #expect(dirty.evidence.code?.diffDigest == F.diff)
        #expect(limitations(analysis, .uncommittedCode).first { $0.experiment == "eval-judge" }?.evidence.code?.problem == .noRepository)
        #expect(!limitations(analysis, .uncommittedCode).contains { $0.experiment == "sft-llama" })

        let unborn = try fixture.analysis { record in
            guard case .experiment(var run) = record, run.name == "sft-llama" else { return record }
            run.code = CodeState(repository: true, commit: nil, branch: "main", detached: false, dirty: true, diffDigest: nil)
            return .experiment(run)
        }
        #expect(limitations(unborn, .uncommittedCode).first { $0.experiment == "sft-llama" }?.evidence.code?.problem == .noCommit)
    }

    @Test func everyLimitationClassIsFoundInTheFixture() throws {
        let kinds = Set(try fixture.analysis(DisclosureOptions(verification: [F.c4: false])).distinctLimitations.map(\.kind))
            .union(try fixture.analysis(DisclosureOptions(asOf: "2025-01-01")).distinctLimitations.map(\.kind))
        #expect(kinds == Set(LimitationKind.allCases))
    }

    @Test func aDerivedModelNamedAgainstItsBaseLicenseIsALintError() throws {
        let lints = try fixture.analysis().lints
        #expect(lints.count == 1)
        let lint = try #require(lints.first)
        #expect(lint.rule == .derivativeName)
        #expect(lint.artifact.name == "acme-ft-8b")
        #expect(lint.base.name == "Llama-3.1-8B")
        #expect(lint.license.requiredPrefix == "Llama")
        #expect(lint.message.contains(#"name to begin with "Llama"; rename it (e.g. "Llama-acme-ft-8b")"#))
    }

    @Test(arguments: [("Llama-acme-ft-8b", true), ("llama 3.1 acme", true), ("LLAMA_acme", true),
                      ("acme-llama", false), ("Lama-acme", false), ("Llama", true), ("Lla", false),
                      ("L.l-a_m a", true), ("Llama-Nguyễn", true), ("Nguyễn-llama", false), ("LLAMA中文", true)])
    func namesAreComparedIgnoringCaseAndSeparators(name: String, passes: Bool) throws {
        var fixture = DisclosureFixture()
        fixture.names.fineTune = name
        #expect(try fixture.analysis().lints.isEmpty == passes)
    }

    @Test func llamaThreeRequiresTheLongerPrefix() throws {
        var fixture = DisclosureFixture()
        fixture.names.fineTune = "Llama-acme-ft-8b"
        let analysis = try fixture.analysis(edit: F.license("llama3", for: F.base))
        #expect(analysis.lints.first?.license.requiredPrefix == "Llama 3")
        fixture.names.fineTune = "Llama-3-acme-ft-8b"
        #expect(try fixture.analysis(edit: F.license("llama3", for: F.base)).lints.isEmpty)
    }

    @Test func scopeByExperimentSectionAndLedger() throws {
        let one = try fixture.analysis(DisclosureOptions(experiments: ["ablation-notes"]))
        #expect(one.groups.map(\.section) == ["tab:ablation"])
        #expect(one.artifacts.map(\.name) == ["acme-ft-8b", "ward-notes-2019", "Llama-3.1-8B"])
        #expect(one.artifacts.last?.role == .lineage)
        let ordered = try fixture.analysis(DisclosureOptions(sections: ["tab:ablation", "tab:main"]))
        #expect(ordered.groups.map(\.section) == ["tab:ablation", "tab:main"])
        #expect(try fixture.analysis(DisclosureOptions(ledgers: ["main"])).groups.count == 3)
    }

    @Test func badScopeIsAnErrorWithSuggestions() throws {
        #expect(throws: DisclosureError.unknownExperiment("ablation-note", suggestions: ["ablation-notes"])) {
            try fixture.analysis(DisclosureOptions(experiments: ["ablation-note"]))
        }
        #expect(throws: DisclosureError.unknownSection("tab:mian", suggestions: ["tab:main"])) {
            try fixture.analysis(DisclosureOptions(sections: ["tab:mian"]))
        }
        #expect(throws: DisclosureError.unknownLedger("paper2", known: ["main"])) {
            try fixture.analysis(DisclosureOptions(ledgers: ["paper2"]))
        }
        #expect(DisclosureError.unknownSection("tab:mian", suggestions: ["tab:main"]).description
            == #"no experiment is recorded with section "tab:mian"; did you mean "tab:main"?"#)
    }

    @Test func aMalformedLedgerLicenseIsBadInput() throws {
        let broken = LicenseRecord(id: "broken", definition: .object(["name": .integer(3)]),
                                   recordedAt: "2025-01-01T00:00:00Z", recordedBy: F.agent)
        #expect(throws: DisclosureError.self) {
            try fixture.analysis { record in
                if case .license = record { return .license(broken) }
                return record
            }
        }
    }

    @Test func aFailedRerunDoesNotReplaceTheRunThatProducedTheResults() throws {
        #expect(try fixture.analysis().groups[1].experiments.first?.code.dirty == true)
        var snapshot = fixture.snapshot()
        var rerun = try #require(snapshot.experiments.first { $0.value.name == "ablation-notes" }?.value)
        rerun.outcome = .failed
        rerun.code = CodeState(repository: true, commit: F.commit, branch: "main", detached: false, dirty: false, diffDigest: nil)
        rerun.startedAt = "2025-03-01T00:00:00Z"
        snapshot.add(.experiment(rerun), id: Digest.of("rerun"), ledger: "main")
        snapshot.sort()
        #expect(try DisclosureAnalysis(snapshot: snapshot).groups[1].experiments.first?.code.dirty == true)
    }

    @Test func theSameLedgerInAnyRecordOrderGivesTheSameAnalysis() throws {
        var reversed = LedgerSnapshot(ledgers: ["main"])
        for (index, record) in fixture.records.enumerated().reversed() {
            reversed.add(record, id: Digest.of("record \(index)"), ledger: "main")
        }
        reversed.sort()
        #expect(try DisclosureAnalysis(snapshot: reversed) == (try fixture.analysis()))
    }
}
