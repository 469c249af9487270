extension String {
    /// The value as an error message quotes it (`debugDescription`), cut after 120 Unicode
    /// scalars with its full length said: a co-author's record may hold a name of a
    /// megabyte, and the message about it should name the problem, not print the value.
    public var quotedForMessage: String {
        let limit = 120
        guard let end = unicodeScalars.index(unicodeScalars.startIndex, offsetBy: limit, limitedBy: unicodeScalars.endIndex),
              end != unicodeScalars.endIndex else { return debugDescription }
        return String(unicodeScalars[..<end]).debugDescription + "… (\(utf8.count) bytes in all)"
    }
}
