import LedgerCore

/// One run of a `RunTable`: the fields of an experiment record the analysis reads, and
/// nothing else (the command, agent and trace lists are never read). Two words: the scope's
/// filters, its paragraphs and every cited experiment hold the same run for a copy of these.
public struct DisclosureRun: Sendable {
    /// An input or output: its digest, and the name the run gave it (the statement's name
    /// for a digest no artifact record describes).
    public struct Use: Sendable {
        public var digest: Digest
        public var name: String

        init(digest: Digest, name: String) {
            self.digest = digest
            self.name = name
        }
    }

    /// A run's inputs or outputs, read from the table as they are asked for.
    public struct Uses: RandomAccessCollection, Sendable {
        let table: RunTable
        let range: Range<Int>

        public var startIndex: Int { range.lowerBound }
        public var endIndex: Int { range.upperBound }

        public subscript(position: Int) -> Use {
            let use = table.uses[position]
            return Use(digest: table.digests[Int(use.digest)], name: table.texts[Int(use.name)])
        }
    }

    let table: RunTable
    let index: Int

    private var row: RunTable.Row { table.rows[index] }

    public var name: String { table.names[index] }
    public var ledger: String { table.texts[Int(row.ledger)] }
    public var section: String? { row.section < 0 ? nil : table.texts[Int(row.section)] }
    public var inputs: Uses { Uses(table: table, range: start..<Int(row.inputsEnd)) }
    /// The digests of `inputs`, without the names each `Use` would carry along.
    var inputDigests: some Collection<Digest> {
        let table = table
        return table.uses[start..<Int(row.inputsEnd)].lazy.map { table.digests[Int($0.digest)] }
    }
    public var outputs: Uses { Uses(table: table, range: Int(row.inputsEnd)..<Int(row.outputsEnd)) }
    public var code: CodeState { table.codes[Int(row.code)] }
    public var outcome: ExperimentOutcome { row.outcome }
    public var startedAt: String { table.startedAt[index] }
    public var compute: ComputeRecord? { row.compute < 0 ? nil : table.computes[Int(row.compute)] }

    private var start: Int { index == 0 ? 0 : Int(table.rows[index - 1].outputsEnd) }
}
