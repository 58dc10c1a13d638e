import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a whole (small) XML document into `XMLElementNode`s with namespace processing on, so that
/// `<ns2:RESULTAT>`, `<RESULTAT xmlns=…>` and `<x:RESULTAT>` are the same element. External entities are never
/// resolved; documents above `maximumSize` are refused before parsing.
enum XMLTreeReader {
    static let maximumSize = 4 * 1024 * 1024

    struct Failure: Error {
        let detail: String
    }

    static func read(_ bytes: [UInt8]) throws(Failure) -> XMLElementNode {
        guard !bytes.isEmpty else { throw Failure(detail: "empty document") }
        guard bytes.count <= maximumSize else { throw Failure(detail: "document larger than \(maximumSize) bytes") }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder()
        parser.delegate = builder
        let parsed = parser.parse()
        if let error = builder.failure { throw Failure(detail: error) }
        guard parsed, let root = builder.root else {
            let reason = parser.parserError.map { "\($0)" } ?? "unknown parser error"
            throw Failure(detail: "not well-formed XML (line \(parser.lineNumber)): \(reason)")
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLElementNode] = []
    var root: XMLElementNode?
    var failure: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        if stack.count > 64 {
            failure = "elements nested deeper than 64 levels"
            parser.abortParsing()
            return
        }
        stack.append(XMLElementNode(namespace: namespaceURI ?? "", name: elementName, attributes: attributeDict))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
