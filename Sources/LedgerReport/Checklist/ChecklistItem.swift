/// One checklist item answered from the ledger.
public struct ChecklistItem: Codable, Hashable, Sendable {
    /// The item's short id, e.g. `B2` or `licenses`.
    public var id: String
    /// The question, paraphrased and short; not the official wording.
    public var question: String
    public var answer: ChecklistAnswer
    /// The justification as plain text, each fact traceable to the ledger.
    public var justification: String

    /// The records the answer is derived from: artifacts by digest and name, experiments by
    /// ledger and name. Nil for items that do not list them.
    public var records: [String]? {
        get { cited?.lines }
        set { cited = newValue.map { CitedRecords(lines: $0) } }
    }

    /// `records`, worded when written out.
    private var cited: CitedRecords?

    /// The justification in pieces, so each format spells names and digests its own way.
    var sentences: [Sentence]

    init(id: String, question: String, answer: ChecklistAnswer, sentences: [Sentence], records: CitedRecords? = nil) {
        cited = records
        self.id = id
        self.question = question
        self.answer = answer
        self.sentences = sentences
        justification = sentences.map(TextSpelling().spell).joined(separator: " ")
    }

    private enum CodingKeys: String, CodingKey {
        case id, question, answer, justification, records
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(question, forKey: .question)
        try container.encode(answer, forKey: .answer)
        try container.encode(justification, forKey: .justification)
        if let cited {
            var lines = container.nestedUnkeyedContainer(forKey: .records)
            try cited.forEachLine { try lines.encode($0) }
        }
    }

    public static func == (lhs: ChecklistItem, rhs: ChecklistItem) -> Bool {
        lhs.id == rhs.id && lhs.question == rhs.question && lhs.answer == rhs.answer
            && lhs.justification == rhs.justification && lhs.records == rhs.records && lhs.sentences == rhs.sentences
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(question)
        hasher.combine(answer)
        hasher.combine(justification)
        hasher.combine(records)
        hasher.combine(sentences)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        question = try container.decode(String.self, forKey: .question)
        answer = try container.decode(ChecklistAnswer.self, forKey: .answer)
        justification = try container.decode(String.self, forKey: .justification)
        cited = try container.decodeIfPresent([String].self, forKey: .records).map { CitedRecords(lines: $0) }
        sentences = [[.text(justification)]]
    }
}
