/// Exclusive XML Canonicalization 1.0 without comments (W3C REC xml-exc-c14n), over `SimElement`: the
/// simulator's independent implementation, used to check the digest and signature of an assertion PS.
enum ExclusiveC14N {
    /// Canonical form of `element` as the apex of a subtree, leaving out any descendant for which `exclude`
    /// is true (the enveloped-signature transform).
    static func canonicalize(_ element: SimElement, excluding exclude: (SimElement) -> Bool = { _ in false }) -> String
    {
        var out = ""
        write(element, rendered: [:], exclude: exclude, into: &out)
        return out
    }

    private static func write(
        _ element: SimElement, rendered: [String: String], exclude: (SimElement) -> Bool, into out: inout String
    ) {
        var rendered = rendered
        // Namespaces visibly utilised: the element's own prefix and those of its prefixed attributes.
        var used: Set<String> = [element.prefix]
        var attributes: [(uri: String, local: String, qname: String, value: String)] = []
        for (name, value) in element.attributes where name != "xmlns" && !name.hasPrefix("xmlns:") {
            if let colon = name.firstIndex(of: ":") {
                let prefix = String(name[..<colon])
                used.insert(prefix)
                attributes.append(
                    (element.scope[prefix] ?? "", String(name[name.index(after: colon)...]), name, value))
            } else {
                attributes.append(("", name, name, value))
            }
        }
        var declarations: [(prefix: String, uri: String)] = []
        for prefix in used where prefix != "xml" {
            let uri = element.scope[prefix] ?? ""
            if prefix.isEmpty, uri.isEmpty, (rendered[""] ?? "").isEmpty { continue }
            if rendered[prefix] != uri {
                declarations.append((prefix, uri))
                rendered[prefix] = uri
            }
        }
        declarations.sort { $0.prefix < $1.prefix }
        attributes.sort { ($0.uri, $0.local) < ($1.uri, $1.local) }
        out += "<" + element.qualifiedName
        for declaration in declarations {
            out += declaration.prefix.isEmpty ? " xmlns=\"" : " xmlns:\(declaration.prefix)=\""
            out += escapeAttribute(declaration.uri) + "\""
        }
        for attribute in attributes { out += " \(attribute.qname)=\"\(escapeAttribute(attribute.value))\"" }
        out += ">"
        for child in element.children {
            switch child {
            case .text(let text): out += escapeText(text)
            case .element(let nested):
                if !exclude(nested) { write(nested, rendered: rendered, exclude: exclude, into: &out) }
            }
        }
        out += "</\(element.qualifiedName)>"
    }

    static func escapeText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#xD;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#x9;"
            case "\n": out += "&#xA;"
            case "\r": out += "&#xD;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
