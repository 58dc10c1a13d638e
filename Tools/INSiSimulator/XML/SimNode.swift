import Foundation

/// The simulator's own XML model. Unlike the client it keeps prefixes, namespace declarations and text nodes in
/// order, because it must canonicalise what it received to check the assertion PS signature.
indirect enum SimNode: Sendable {
    case element(SimElement)
    case text(String)
}

struct SimElement: Sendable {
    /// Qualified name as written (`saml:Assertion`).
    let qualifiedName: String
    /// Attributes as written, namespace declarations included.
    let attributes: [String: String]
    var children: [SimNode] = []
    /// Namespace URI of each prefix in scope here (`""` = default namespace), ancestors included.
    var scope: [String: String] = [:]

    var prefix: String {
        guard let colon = qualifiedName.firstIndex(of: ":") else { return "" }
        return String(qualifiedName[..<colon])
    }

    var localName: String {
        guard let colon = qualifiedName.firstIndex(of: ":") else { return qualifiedName }
        return String(qualifiedName[qualifiedName.index(after: colon)...])
    }

    var namespace: String { scope[prefix] ?? "" }

    var elements: [SimElement] {
        children.compactMap { node in
            if case .element(let element) = node { return element }
            return nil
        }
    }

    var text: String {
        children.map { node in
            if case .text(let text) = node { return text }
            return ""
        }.joined().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func first(_ localName: String, _ namespace: String) -> SimElement? {
        elements.first { $0.localName == localName && $0.namespace == namespace }
    }

    /// Depth-first search by namespace and local name.
    func find(_ localName: String, _ namespace: String) -> SimElement? {
        if self.localName == localName && self.namespace == namespace { return self }
        for child in elements {
            if let found = child.find(localName, namespace) { return found }
        }
        return nil
    }
}
