import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses with namespace processing **off** and resolves prefixes itself, so that declarations stay visible
/// for canonicalisation.
enum SimXMLReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ bytes: [UInt8]) throws -> SimElement {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let delegate = Builder()
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw Failure(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")")
        }
        return root
    }
}

private final class Builder: NSObject, XMLParserDelegate {
    var stack: [SimElement] = []
    var root: SimElement?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        var element = SimElement(qualifiedName: qName ?? elementName, attributes: attributeDict)
        var scope = stack.last?.scope ?? ["xml": "http://www.w3.org/XML/1998/namespace"]
        for (name, value) in attributeDict {
            if name == "xmlns" {
                scope[""] = value
            } else if name.hasPrefix("xmlns:") {
                scope[String(name.dropFirst(6))] = value
            }
        }
        element.scope = scope
        stack.append(element)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(.element(element)) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        if case .text(let previous) = stack[stack.count - 1].children.last {
            stack[stack.count - 1].children[stack[stack.count - 1].children.count - 1] = .text(previous + string)
        } else {
            stack[stack.count - 1].children.append(.text(string))
        }
    }
}
