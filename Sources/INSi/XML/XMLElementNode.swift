/// One element of a parsed XML document, identified by namespace URI and local name only: the prefix an
/// answer happens to use is forgotten on purpose, because INSi samples differ in prefixes and element order.
public struct XMLElementNode: Sendable, Hashable {
    public let namespace: String
    public let name: String
    public let attributes: [String: String]
    public internal(set) var children: [XMLElementNode]
    public internal(set) var text: String

    init(namespace: String, name: String, attributes: [String: String]) {
        self.namespace = namespace
        self.name = name
        self.attributes = attributes
        self.children = []
        self.text = ""
    }

    /// The first child with this local name in one of the accepted namespaces, in any position.
    func child(_ name: String, in namespaces: Set<String>) -> XMLElementNode? {
        children.first { $0.name == name && namespaces.contains($0.namespace) }
    }

    /// Every child with this local name in one of the accepted namespaces (e.g. INSHISTO 0..n).
    func children(_ name: String, in namespaces: Set<String>) -> [XMLElementNode] {
        children.filter { $0.name == name && namespaces.contains($0.namespace) }
    }

    /// Text content with surrounding XML whitespace removed.
    var trimmedText: String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
