/// Writes the section back as YAML (the demo writes the configuration it runs with).
extension CardSection {
    public var yaml: String {
        func quoted(_ value: String) -> String {
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        var lines = ["card:", "  transport: \(transport.rawValue)"]
        if let reader { lines.append("  reader: \(quoted(reader))") }
        if let trustRoots { lines.append("  trustRoots: \(quoted(trustRoots))") }
        if let virtualCards { lines.append("  virtualCards: \(quoted(virtualCards))") }
        if let virtualCard { lines.append("  virtualCard: \(quoted(virtualCard))") }
        if let virtualControl { lines.append("  virtualControl: \(quoted(virtualControl))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
