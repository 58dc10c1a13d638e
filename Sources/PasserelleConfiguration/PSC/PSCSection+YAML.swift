/// Writes the section back as YAML (the demo writes the configuration it runs with).
extension PSCSection {
    public var yaml: String {
        func quoted(_ value: String) -> String {
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        func list(_ values: [String]) -> String { "[" + values.map(quoted).joined(separator: ", ") + "]" }
        var lines = [
            "psc:", "  issuer: \(quoted(issuer))", "  clientID: \(quoted(clientID))",
            "  clientAuthentication: \(clientAuthentication.rawValue)",
        ]
        if let discoveryURL { lines.append("  discoveryURL: \(quoted(discoveryURL))") }
        if let clientSecretFile { lines.append("  clientSecretFile: \(quoted(clientSecretFile))") }
        if pkcs12File != nil || passphraseFile != nil || trustRootsFile != nil {
            lines.append("  tls:")
            if let pkcs12File { lines.append("    pkcs12: \(quoted(pkcs12File))") }
            if let passphraseFile { lines.append("    passphraseFile: \(quoted(passphraseFile))") }
            if let trustRootsFile { lines.append("    trustRoots: \(quoted(trustRootsFile))") }
        }
        if let scopes { lines.append("  scopes: \(list(scopes))") }
        if let acrValues { lines.append("  acrValues: \(list(acrValues))") }
        if let acceptedACR { lines.append("  acceptedACR: \(list(acceptedACR))") }
        if let enforceACR { lines.append("  enforceACR: \(enforceACR)") }
        if let redirectURI { lines.append("  redirectURI: \(quoted(redirectURI))") }
        if let postLogoutRedirectURI { lines.append("  postLogoutRedirectURI: \(quoted(postLogoutRedirectURI))") }
        if let prompt { lines.append("  prompt: \(quoted(prompt))") }
        if let allowedAlgorithms { lines.append("  allowedAlgorithms: \(list(allowedAlgorithms))") }
        if let clockSkewSeconds { lines.append("  clockSkewSeconds: \(clockSkewSeconds)") }
        if let requestTimeoutSeconds { lines += ["  timeouts:", "    requestSeconds: \(requestTimeoutSeconds)"] }
        let cache = [
            ("lifetimeSeconds", cacheLifetimeSeconds), ("staleLimitSeconds", staleLimitSeconds),
            ("jwksRefetchIntervalSeconds", jwksRefetchIntervalSeconds),
        ]
        .compactMap { name, value in value.map { "    \(name): \($0)" } }
        if !cache.isEmpty { lines += ["  cache:"] + cache }
        return lines.joined(separator: "\n") + "\n"
    }
}
