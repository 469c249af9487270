import CLibGit2

/// Messages cleaned up the way `git commit` and `git tag` clean them (trailing whitespace
/// stripped, blank lines collapsed, one final newline), so history looks normal to git tools.
enum CommitMessage {
    static func prettified(_ message: String) throws -> String {
        var cleaned = git_buf()
        defer { git_buf_dispose(&cleaned) }
        try check(git_message_prettify(&cleaned, message, 0, CChar(UInt8(ascii: "#"))), "clean up the message")
        let text = String(decoding: bytes(of: cleaned), as: UTF8.self)
        guard !text.isEmpty else { throw GitError.emptyMessage }
        return text
    }

    /// The first line, as git puts it in reflog entries.
    static func subject(of message: String) -> String {
        String(message.prefix { $0 != "\n" })
    }
}
