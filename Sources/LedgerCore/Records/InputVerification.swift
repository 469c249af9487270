/// What was checked about an input when its experiment was recorded.
public enum InputVerification: String, Codable, Sendable, CaseIterable {
    /// A copy on this machine hashed to the recorded digest (and layout) when the record was written.
    case verified
    /// No copy of the content on this machine (none, or only a git-LFS pointer): the digest is
    /// the one recorded, not checked.
    case noCopy = "no-copy"
    /// The copy present differed; the researcher stated that the recorded bytes were used (`--as-recorded`).
    case statedAsRecorded = "stated-as-recorded"
}
