extension Array {
    /// Consecutive pieces of at most `size` elements: batches that bound memory, and SQL
    /// parameter lists under SQLite's limit.
    public func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
