extension AvailabilityStatus {
    /// The status in a few words, the same in every output (statement appendix, checklist,
    /// BibTeX notes): "Llama (API only as of 1 November 2024)".
    public var phrase: String {
        switch self {
        case .open: "open"
        case .gated: "gated access"
        case .apiOnly: "API only"
        case .deprecated: "deprecated"
        case .withdrawn: "withdrawn"
        case .private: "private"
        case .retained: "retained"
        }
    }
}
