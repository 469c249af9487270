/// The caps every reader applies to a record file before parsing it.
///
/// Records come from co-authors through git, so a hostile file must not be able to
/// exhaust memory or the stack. Real records are a few KiB and a few levels deep;
/// the largest, a folder manifest of a big dataset, stays far under the size cap.
public enum RecordLimits {
    /// Bytes of a record file (4 MiB). A longer file is refused unread.
    public static let maximumSize = 4 * 1024 * 1024
    /// Nested arrays and objects in a record (the top-level object counts as 1).
    public static let maximumDepth = 64
}
