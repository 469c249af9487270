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
    public var records: [String]?

    /// The justification in pieces, so each format spells names and digests its own way.
    var sentences: [Sentence]

    init(id: String, question: String, answer: ChecklistAnswer, sentences: [Sentence], records: [String]? = nil) {
        self.records = records
        self.id = id
        self.question = question
        self.answer = answer
        self.sentences = sentences
        justification = sentences.map(TextSpelling().spell).joined(separator: " ")
    }

    private enum CodingKeys: String, CodingKey {
        case id, question, answer, justification, records
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        question = try container.decode(String.self, forKey: .question)
        answer = try container.decode(ChecklistAnswer.self, forKey: .answer)
        justification = try container.decode(String.self, forKey: .justification)
        records = try container.decodeIfPresent([String].self, forKey: .records)
        sentences = [[.text(justification)]]
    }
}
