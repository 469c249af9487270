import LedgerCore

/// A set of limitation keys, each held as four small integers.
///
/// A whole-ledger statement tracks which of some hundred thousand limitations it has counted
/// or stated; as full keys (a kind, a digest and two strings each) that set was the largest value
/// alive at the statement's peak. The digests and texts are numbered once, here.
struct LimitationKeySet {
    private struct Packed: Hashable {
        var kind: Int32
        var artifact: Int32
        var experiment: Int32
        var license: Int32
    }

    private var members: Set<Packed> = []
    private var digests: [Digest: Int32] = [:]
    private var texts: [String: Int32] = [:]

    var count: Int { members.count }

    /// Adds `key`; false when it was already a member.
    @discardableResult
    mutating func insert(_ key: Limitation.Key) -> Bool {
        func number<T: Hashable>(_ value: T?, in table: inout [T: Int32]) -> Int32 {
            guard let value else { return -1 }
            if let known = table[value] { return known }
            let next = Int32(table.count)
            table[value] = next
            return next
        }
        let packed = Packed(kind: number(key.kind.rawValue, in: &texts), artifact: number(key.artifact, in: &digests),
                            experiment: number(key.experiment, in: &texts), license: number(key.license, in: &texts))
        return members.insert(packed).inserted
    }

    func contains(_ key: Limitation.Key) -> Bool {
        // A value never numbered belongs to no member.
        func number<T: Hashable>(_ value: T?, in table: [T: Int32]) -> Int32? {
            guard let value else { return -1 }
            return table[value]
        }
        guard let kind = number(key.kind.rawValue, in: texts), let artifact = number(key.artifact, in: digests),
              let experiment = number(key.experiment, in: texts), let license = number(key.license, in: texts) else { return false }
        return members.contains(Packed(kind: kind, artifact: artifact, experiment: experiment, license: license))
    }
}
