/// Builds page 1's new `/Resources`: a direct copy of the effective resources (own or inherited, direct or by
/// reference) with one more XObject under a name nobody uses yet. Shared resource objects are never modified.
enum ResourceMerger {
    static let preferredName = "PasserelleINS"

    static func merge(
        page: FirstPage, reader: PDFDocumentReader, stamp: PDFReference
    ) throws(INSTaggingError) -> (resources: PDFDictionary, name: PDFName) {
        let resourcesObject = try reader.resolve(page.attribute("Resources"))
        var resources: PDFDictionary
        switch resourcesObject {
        case .dictionary(let dictionary): resources = dictionary
        case .null: resources = PDFDictionary()
        default: throw .damagedPDF(reason: "page 1 /Resources is not a dictionary")
        }
        var xObjects: PDFDictionary
        switch try reader.resolve(resources["XObject"]) {
        case .dictionary(let dictionary): xObjects = dictionary
        case .null: xObjects = PDFDictionary()
        default: throw .damagedPDF(reason: "page 1 /XObject resources are not a dictionary")
        }
        let name = freshName(avoiding: Set(xObjects.keys))
        xObjects[name] = .reference(stamp)
        resources["XObject"] = .dictionary(xObjects)
        return (resources, name)
    }

    static func freshName(avoiding used: Set<PDFName>) -> PDFName {
        var candidate = PDFName(stringLiteral: preferredName)
        var suffix = 1
        while used.contains(candidate) {
            candidate = PDFName(stringLiteral: "\(preferredName)\(suffix)")
            suffix += 1
        }
        return candidate
    }
}
