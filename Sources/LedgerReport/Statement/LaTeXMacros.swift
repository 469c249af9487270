import Foundation
import LedgerCore

/// A preamble-safe file of `\newcommand`s, so the paper can cite a digest, a limitation or
/// their count by name and place the statement where it wants:
///
/// - `\reproLimitationCount`, and `\reproAsOf` when a date was given;
/// - `\reproDigest<Artifact>` for every artifact, e.g. `\reproDigestLlamaThreeOneEightB`;
/// - `\reproLimit<Artifact><Kind>` (or `\reproLimit<Experiment>Code`) for every limitation,
///   a standalone sentence;
/// - `\reproClass<Label>` for every section (or unlabelled experiment): its reproducibility
///   class and the input that decides it, e.g. `\reproClassTabMain`;
/// - `\reproStatement`, and `\reproAppendix` with `--appendix`.
///
/// `\newcommand` (not `\providecommand`) so a clash with an existing command is an error
/// the author sees rather than a silently different text.
struct LaTeXMacros {
    let analysis: DisclosureAnalysis
    let appendix: Bool
    let numbers: LabelNumbers

    init(_ analysis: DisclosureAnalysis, appendix: Bool, numbers: LabelNumbers = LabelNumbers()) {
        self.analysis = analysis
        self.appendix = appendix
        self.numbers = numbers
    }

    struct Definition: Hashable {
        var name: String
        var body: String
    }

    func render() -> String {
        let statement = LaTeXStatement(analysis)
        return statement.header().replacingOccurrences(of: "statement generated", with: "macros generated")
            + definitions().map { "\\newcommand{\\\($0.name)}{" + $0.body + "}\n" }.joined()
    }

    func definitions() -> [Definition] {
        var names = MacroNames()
        let fixed = ["reproLimitationCount", "reproAsOf", "reproStatement", "reproAppendix"]
        fixed.forEach { names.reserve($0) }
        let spelling = LaTeXSpelling(numbers: numbers)
        var out = [Definition(name: "reproLimitationCount", body: String(analysis.limitationCount))]
        if let day = analysis.asOf {
            out.append(Definition(name: "reproAsOf", body: ProseFormatting.date(day)))
        }
        for artifact in analysis.artifacts {
            out.append(Definition(name: names.make("reproDigest", artifact.name), body: LaTeX.digest(artifact.digest.description)))
        }
        let composer = StatementComposer(analysis)
        for limitation in analysis.distinctLimitations {
            let subject = limitation.artifact?.name ?? limitation.experiment ?? ""
            let name = limitation.kind == .uncommittedCode
                ? names.make("reproLimit", subject, "Code")
                : names.make("reproLimit", subject, Self.kindWord(limitation.kind))
            out.append(Definition(name: name, body: spelling.spell(composer.standalone(limitation))))
        }
        for group in analysis.groups {
            let subject = group.section ?? group.experiments.first?.name ?? ""
            out.append(Definition(name: names.make("reproClass", subject),
                                  body: spelling.spell(ReproducibilityProse.short(group.reproducibility))))
        }
        let statement = LaTeXStatement(analysis, numbers: numbers)
        out.append(Definition(name: "reproStatement", body: statement.body()))
        if appendix { out.append(Definition(name: "reproAppendix", body: statement.appendix())) }
        return out
    }

    static func kindWord(_ kind: LimitationKind) -> String {
        switch kind {
        case .withdrawn: "Withdrawn"
        case .deprecated: "Deprecated"
        case .apiOnly: "ApiOnly"
        case .gated: "Gated"
        case .privateData: "Private"
        case .retainedCopy: "RetainedCopy"
        case .redistributionForbidden: "NoRedistribution"
        case .nonCommercial: "NonCommercial"
        case .usageCap: "UsageCap"
        case .notOSIApproved: "NotOsiApproved"
        case .attributionDuty: "Attribution"
        case .namingDuty: "Naming"
        case .licenseUnknown: "LicenseUnknown"
        case .hashNotRecorded: "HashNotRecorded"
        case .hashMismatch: "HashMismatch"
        case .uncommittedCode: "Code"
        }
    }
}
