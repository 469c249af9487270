/// Close matches for a mistyped name, so errors can say "did you mean …".
public enum NameSuggestions {
    /// Candidates containing the name (or contained in it) first, then those within a small
    /// edit distance; at most `limit`, best first.
    public static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let lowered = name.lowercased()
        let scored = Set(candidates).compactMap { candidate -> (String, Int)? in
            let other = candidate.lowercased()
            if !lowered.isEmpty, other.contains(lowered) || lowered.contains(other) { return (candidate, 0) }
            let distance = editDistance(Array(lowered.unicodeScalars), Array(other.unicodeScalars))
            return distance <= max(2, lowered.count / 3) ? (candidate, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// Levenshtein distance.
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
