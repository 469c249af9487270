import Algorithms
import LedgerCore

/// The wording of each limitation: neutral, dated, and traceable to its evidence. Sentences
/// say what the ledger records and nothing it does not (who withdrew a model, why, or
/// whether a copy may be shared are not recorded, so they are not stated).
struct LimitationProse {
    /// How each artifact is named in a sentence; the first mention in a paragraph carries
    /// its digest.
    var name: (ArtifactRef) -> Sentence
    var kindOf: (Digest) -> String?

    /// The artifacts as the subject opening a sentence: a name that does not begin with a
    /// capital letter is introduced by its kind ("The dataset c4-en"), so no sentence
    /// starts in lower case.
    func opening(_ refs: [ArtifactRef]) -> Sentence {
        let names = listed(refs.map(name))
        guard let first = refs.first?.name.first, !first.isUppercase else { return names }
        let kinds = Array(refs.map { ProseFormatting.noun(kindOf($0.digest)) }.uniqued())
        let noun = refs.count == 1 ? kinds[0] : (kinds.count == 1 ? kinds[0] + "s" : "the artifacts")
        return [.words(noun.prefix(1).uppercased() + noun.dropFirst() + " ")] + names
    }

    /// One sentence for a limitation that is not a license term.
    func sentence(_ limitation: Limitation) -> Sentence {
        let subject = limitation.artifact.map(name) ?? []
        let opening = limitation.artifact.map { self.opening([$0]) } ?? []
        let event = limitation.evidence.event
        let date: Sentence = event.map { [.words(ProseFormatting.date($0.date))] } ?? []
        switch limitation.kind {
        case .withdrawn:
            return opening + [.words(" was withdrawn from public distribution on ")] + date + evidence(event) + [.words(".")]
        case .deprecated:
            return opening + [.words(" was marked deprecated on ")] + date + evidence(event) + [.words(".")]
        case .apiOnly:
            return [.words("As of ")] + date + [.words(", ")] + subject
                + [.words(" is available only through a hosted API")] + evidence(event)
                + [.words("; the bytes its digest identifies cannot be downloaded.")]
        case .gated:
            if let license = limitation.evidence.license {
                return opening + [.words(" comes from Hugging Face, where models under the ")] + [.text(license.name)]
                    + [.words(" are usually gated; downloading it may require an approved access request "
                        + "(no availability event is recorded).")]
            }
            return [.words("As of ")] + date + [.words(", access to ")] + subject
                + [.words(" is gated: downloading it requires an approved access request")] + evidence(event) + [.words(".")]
        case .privateData:
            return [.words("As of ")] + date + [.words(", ")] + subject
                + [.words(" is private and not publicly available")] + evidence(event) + [.words(".")]
        case .retainedCopy:
            return [.words("The authors retain a copy of ")] + subject + [.words(" with this digest (recorded on ")] + date
                + (event?.url.map { [.words("; "), .url($0)] } ?? []) + [.words(").")]
        case .licenseUnknown:
            guard let recorded = limitation.evidence.recordedLicense else {
                return [.words("No license is recorded for ")] + subject + [.words(".")]
            }
            return [.words("The license recorded for ")] + subject + [.words(", "), .quoted(recorded),
                .words(", is not identified precisely enough to state its terms.")]
        case .hashNotRecorded:
            return [.words("The digest of ")] + subject
                + [.words(" was taken from a git-LFS pointer; the authors did not hash the content itself.")]
        case .hashMismatch:
            return [.words("When this statement was generated, the authors' copy of ")] + subject
                + [.words(" no longer matched the recorded digest.")]
        case .uncommittedCode:
            return code(limitation)
        case .redistributionForbidden, .nonCommercial, .usageCap, .notOSIApproved, .attributionDuty, .namingDuty:
            return licenseSentence([limitation])
        }
    }

    /// One sentence for the terms one license imposes on one or more artifacts:
    /// "A and B are licensed under the L, which …".
    func licenseSentence(_ terms: [Limitation]) -> Sentence {
        guard let license = terms.first?.evidence.license else { return [] }
        let subjects = Array(terms.compactMap(\.artifact).uniqued())
        let kinds = LimitationKind.allCases.filter { kind in terms.contains { $0.kind == kind } }
        let referent = subjects.count == 1
            ? Referent(noun: ProseFormatting.noun(kindOf(subjects[0].digest)), pronoun: "it",
                       any: ProseFormatting.noun(kindOf(subjects[0].digest)), one: "it")
            : Referent(noun: "them", pronoun: "them", any: "any of them", one: "one")
        let clauses = kinds.map { kind in clause(kind, terms.first { $0.kind == kind }!.evidence.license, referent) }
        return opening(subjects) + [.words(subjects.count == 1 ? " is licensed under the " : " are licensed under the "),
            .text(license.name), .words(", which ")] + listed(clauses) + [.words(".")]
    }

    /// How license clauses refer back to the artifacts of their sentence.
    private struct Referent {
        var noun: String
        var pronoun: String
        var any: String
        /// What a derivative is a derivative of: "it", or "one" of several.
        var one: String
    }

    private func clause(_ kind: LimitationKind, _ license: LicenseEvidence?, _ referent: Referent) -> Sentence {
        switch kind {
        case .redistributionForbidden:
            return [.words("does not permit redistributing \(referent.noun) or works derived from \(referent.pronoun)")]
        case .nonCommercial:
            return [.words("permits non-commercial use only")]
        case .usageCap:
            guard let cap = license?.userCap else { return [.words("restricts commercial use")] }
            return [.words("requires licensees with more than \(ProseFormatting.count(cap)) monthly active users "
                + "to obtain a separate license")]
        case .notOSIApproved:
            return [.words("is not an OSI-approved open-source license")]
        case .attributionDuty:
            return [.words("requires attribution when \(referent.any) or a derivative of \(referent.one) is distributed")]
        case .namingDuty:
            guard let prefix = license?.requiredPrefix else {
                return [.words("sets naming requirements for distributed models created with \(referent.any)")]
            }
            return [.words("requires any distributed model created or fine-tuned with \(referent.any) to have a name beginning with "),
                    .quoted(prefix)]
        default:
            return []
        }
    }

    private func code(_ limitation: Limitation) -> Sentence {
        let experiment: Sentence = [.words("Experiment "), .emphasis(limitation.experiment ?? "")]
        guard let code = limitation.evidence.code else { return [] }
        switch code.problem {
        case .noRepository:
            return experiment + [.words(" ran outside a git repository, so the version of its code is not recorded.")]
        case .noCommit:
            return experiment + [.words(" ran in a git repository without any commit, so the version of its code is not recorded.")]
        case .uncommittedChanges:
            let diff: Sentence = code.diffDigest.map { [.words("; the diff has digest "), .shortDigest($0)] }
                ?? [.words("; the diff was not recorded")]
            return experiment + [.words(" ran with uncommitted changes on top of commit "), .commit(code.commit ?? "")] + diff
                + [.words(", so the commit alone does not contain the code that ran.")]
        }
    }

    private func evidence(_ event: EventEvidence?) -> Sentence {
        if let observed = event?.observation {
            let answer = "(HTTP \(observed.httpStatus)" + (observed.errorCode.map { ", \($0)" } ?? "") + ")"
            switch observed.place {
            case .huggingface: return [.words(", as observed on the Hugging Face Hub " + answer)]
            case .url: return [.words(", as observed at "), .url(observed.url), .words(" " + answer)]
            }
        }
        guard let url = event?.url else { return [] }
        return [.words(" (evidence: "), .url(url), .words(")")]
    }
}
