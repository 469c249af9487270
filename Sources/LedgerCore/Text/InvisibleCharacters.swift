extension Character {
    /// Control (Cc) and format (Cf) characters such as NUL, bidi overrides and zero-width
    /// joiners: invisible in print, yet able to break TeX or make two names look equal.
    public var isInvisibleControl: Bool {
        unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format: true
            default: false
            }
        }
    }
}
