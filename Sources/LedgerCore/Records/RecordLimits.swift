/// Caps on a record read from disk: anything under `ledgers/` may come from someone else,
/// so a reader must never parse an unbounded file or recurse without end.
public enum RecordLimits {
    /// Largest record file read, in bytes (4 MiB); real records are a few KiB.
    public static let maximumSize = 4 * 1024 * 1024
    /// Deepest nesting of JSON arrays and objects accepted in a record.
    public static let maximumDepth = 64
}
