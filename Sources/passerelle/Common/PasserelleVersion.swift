enum PasserelleVersion {
    /// Semantic version of this build; the name/version pair also goes into INSi's `LPS/Nom`.
    static let current = "0.1.0"
}
