import Foundation

/// Every field of every record type checked by the rules the CLI applies when it
/// writes one (`Names`, `Timestamps`, `FieldRules`, `LicenseExpression`). `RecordCodec`
/// runs this before it writes a record and after it decodes one, so a record from a
/// co-author's clone is held to the same rules as one typed here; one that fails is a
/// defect naming the field.
extension LedgerRecord {
    public func validate(clock: Date = Date()) throws(RecordDefect) {
        let check = FieldCheck(clock: clock)
        switch self {
        case .artifact(let record): try check.artifact(record)
        case .availability(let record): try check.availability(record)
        case .experiment(let record): try check.experiment(record)
        case .manifest(let record): try check.manifest(record)
        case .license(let record): try check.license(record)
        case .seal(let record): try check.seal(record)
        }
    }
}

/// Runs the rules field by field, turning the first failure into `RecordDefect.invalidField`.
private struct FieldCheck {
    let clock: Date

    /// `reason` returns nil when the value is valid.
    func field(_ name: String, _ reason: () -> String?) throws(RecordDefect) {
        if let reason = reason() { throw .invalidField(field: name, reason: reason) }
    }

    /// For the rules that throw `LedgerError` (shared with the CLI's messages).
    func field(_ name: String, _ rule: () throws(LedgerError) -> Void) throws(RecordDefect) {
        do { try rule() } catch { throw .invalidField(field: name, reason: error.description) }
    }

    func notNegative(_ name: String, _ value: some BinaryInteger) throws(RecordDefect) {
        // Written as `1e17`, a count reads as an integer the writer could never write back
        // exactly (RFC 8785 numbers are doubles): refused as the writer refuses it.
        try field(name) {
            value < 0 ? "\(value) is negative" : value > 9_007_199_254_740_991 ? "\(value) is beyond 2^53 - 1" : nil
        }
    }

    func instant(_ name: String, _ text: String) throws(RecordDefect) {
        try field(name) { () throws(LedgerError) in try Timestamps.pastInstant(text, clock: clock) }
    }

    func artifact(_ record: ArtifactRecord) throws(RecordDefect) {
        try field("name") { () throws(LedgerError) in try Names.validate(record.name, as: .artifact) }
        try notNegative("size", record.size)
        try notNegative("fileCount", record.fileCount)
        for (index, source) in record.sources.enumerated() {
            try self.source(source, at: "sources[\(index)]")
        }
        if let license = record.license {
            var problem: String?
            do throws(LicenseExpressionError) { _ = try LicenseExpression(parsing: license) } catch {
                problem = LedgerError.invalidLicense(expression: license, reason: error.description).description
            }
            try field("license") { problem }
        }
        try instant("recordedAt", record.recordedAt)
    }

    func source(_ source: ArtifactSource, at path: String) throws(RecordDefect) {
        switch source.type {
        case .url:
            try field(path + ".url") { source.url.map(FieldRules.sourceURLProblem) ?? "missing for a url source" }
        case .huggingface:
            try field(path + ".repo") { source.repo.map(FieldRules.huggingFaceRepoProblem) ?? "missing for a huggingface source" }
            try field(path + ".revision") {
                source.revision.map(FieldRules.huggingFaceRevisionProblem) ?? "missing for a huggingface source"
            }
        case .path:
            try field(path + ".path") {
                guard let text = source.path else { return "missing for a path source" }
                return text.isEmpty ? "it is empty" : text.utf8.contains(0) ? "it contains a NUL byte" : nil
            }
        }
    }

    func availability(_ record: AvailabilityEvent) throws(RecordDefect) {
        try field("asOf") { () throws(LedgerError) in try Timestamps.pastDay(record.asOf, clock: clock) }
        if let evidence = record.evidence { try field("evidence") { FieldRules.evidenceProblem(evidence) } }
        try instant("recordedAt", record.recordedAt)
    }

    func experiment(_ record: ExperimentRecord) throws(RecordDefect) {
        try field("name") { () throws(LedgerError) in try Names.validate(record.name, as: .experiment) }
        try field("ledger") { () throws(LedgerError) in try Names.validate(record.ledger, as: .ledger) }
        for (label, uses) in [("inputs", record.inputs), ("outputs", record.outputs)] {
            for (index, use) in uses.enumerated() {
                try field("\(label)[\(index)].name") { () throws(LedgerError) in try Names.validate(use.name, as: .artifact) }
            }
        }
        if let commit = record.code.commit { try field("code.commit") { FieldRules.commitProblem(commit) } }
        if let section = record.section { try field("section") { FieldRules.sectionProblem(section) } }
        try instant("startedAt", record.startedAt)
        if let endedAt = record.endedAt { try instant("endedAt", endedAt) }
        if let signal = record.interruptedBy { try field("interruptedBy") { FieldRules.lineProblem(signal) } }
        if let compute = record.compute {
            try field("compute.machine.host") { FieldRules.lineProblem(compute.machine.host) }
            if let model = compute.machine.cpuModel { try field("compute.machine.cpuModel") { FieldRules.lineProblem(model) } }
            for (index, gpu) in compute.machine.gpus.enumerated() {
                try field("compute.machine.gpus[\(index)].name") { FieldRules.lineProblem(gpu.name) }
                try field("compute.machine.gpus[\(index)].driver") { FieldRules.lineProblem(gpu.driver) }
            }
            // Durations, sizes and counts: a negative one would be printed as fact (-1.0 h).
            try notNegative("compute.wallMilliseconds", compute.wallMilliseconds)
            try notNegative("compute.userCPUMilliseconds", compute.userCPUMilliseconds)
            try notNegative("compute.systemCPUMilliseconds", compute.systemCPUMilliseconds)
            if let peak = compute.peakRSSBytes { try notNegative("compute.peakRSSBytes", peak) }
            try notNegative("compute.machine.cpuCount", compute.machine.cpuCount)
            if let memory = compute.machine.memoryTotalBytes { try notNegative("compute.machine.memoryTotalBytes", memory) }
            for (index, gpu) in compute.machine.gpus.enumerated() {
                if let memory = gpu.memoryMiB { try notNegative("compute.machine.gpus[\(index)].memoryMiB", memory) }
            }
        }
    }

    func manifest(_ record: ManifestRecord) throws(RecordDefect) {
        for (index, entry) in record.entries.enumerated() {
            try field("entries[\(index)].path") { FieldRules.manifestPathProblem(entry.path) }
            try notNegative("entries[\(index)].size", entry.size)
        }
    }

    func license(_ record: LicenseRecord) throws(RecordDefect) {
        try field("id") { record.id.isEmpty ? "it is empty" : FieldRules.lineProblem(record.id) }
        if let name = record.definition["name"]?.stringValue { try field("definition.name") { FieldRules.lineProblem(name) } }
        try field("definition.id") { record.definition["id"]?.stringValue == record.id ? nil : "it is not the record's id" }
        try instant("recordedAt", record.recordedAt)
    }

    func seal(_ record: SealRecord) throws(RecordDefect) {
        try field("ledger") { () throws(LedgerError) in try Names.validate(record.ledger, as: .ledger) }
        try notNegative("recordCount", record.recordCount)
        try notNegative("sequence", record.sequence)
        // A ledger is sealed a few times (submission, camera-ready); a planted seal numbered near
        // 2^53 would leave no number for the next one.
        try field("sequence") { record.sequence > SealRecord.maximumSequence ? "\(record.sequence) is beyond \(SealRecord.maximumSequence)" : nil }
        try instant("sealedAt", record.sealedAt)
    }
}
