/// Writes the section back as YAML (the demo writes the configuration it runs with).
extension INSiSection {
    public var yaml: String {
        func quoted(_ value: String) -> String {
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        var lines = ["insi:", "  mode: \(mode.rawValue)", "  endpoints:"]
        if let mtlsEndpoint { lines.append("    mtls: \(quoted(mtlsEndpoint))") }
        if let cpxEndpoint { lines.append("    cpx: \(quoted(cpxEndpoint))") }
        lines.append("  tls:")
        if let pkcs12File { lines.append("    pkcs12: \(quoted(pkcs12File))") }
        if let passphraseFile { lines.append("    passphraseFile: \(quoted(passphraseFile))") }
        lines.append("    trustRoots: \(quoted(trustRootsFile))")
        lines.append("    serverNameSuffixes: [\(serverNameSuffixes.map(quoted).joined(separator: ", "))]")
        lines += [
            "  lps:", "    idam: \(quoted(idam))", "    name: \(quoted(lpsName))", "    version: \(quoted(lpsVersion))",
            "    installationIdFile: \(quoted(installationIDFile))", "  structureId: \(quoted(structureID))",
            "  timeouts:", "    requestSeconds: \(requestTimeoutSeconds)",
            "    connectSeconds: \(connectTimeoutSeconds)",
            "  retries:", "    attempts: \(retryAttempts)", "    baseDelayMs: \(retryBaseDelayMilliseconds)",
            "    maxDelayMs: \(retryMaxDelayMilliseconds)", "  breaker:",
            "    failureThreshold: \(breakerFailureThreshold)", "    coolDownSeconds: \(breakerCoolDownSeconds)",
        ]
        if let traceFile { lines.append("  traceFile: \(quoted(traceFile))") }
        if let cpx {
            lines += [
                "  cpx:", "    nationalId: \(quoted(cpx.nationalID))",
                "    identifiantFacturation: \(quoted(cpx.identifiantFacturation))",
                "    secteurActivite: \(quoted(cpx.secteurActivite))",
            ]
            if let specialite = cpx.specialite { lines.append("    specialite: \(quoted(specialite))") }
            if let certificate = cpx.certificateFile { lines.append("    certificate: \(quoted(certificate))") }
            if let key = cpx.privateKeyFile { lines.append("    privateKey: \(quoted(key))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
