/// Page 1 as found in the page tree, with the attributes it inherits (ISO 32000-1 §7.7.3.4).
struct FirstPage {
    let reference: PDFReference
    let dictionary: PDFDictionary
    /// Effective values of the inheritable attributes: the page's own, else the nearest ancestor's.
    let inherited: [PDFName: PDFObject]

    static let inheritableKeys: [PDFName] = ["Resources", "MediaBox", "CropBox", "Rotate"]

    func attribute(_ key: PDFName) -> PDFObject? {
        dictionary[key] ?? inherited[key]
    }
}

extension PDFDocumentReader {
    /// Depth-first walk in document order to the first leaf; loops and absurd depths are damage.
    func firstPage() throws(INSTaggingError) -> FirstPage {
        guard let catalog = try resolveDictionary(crossReference.trailer["Root"]) else {
            throw .damagedPDF(reason: "/Root is not a dictionary")
        }
        guard case .reference(let pagesReference)? = catalog["Pages"] else {
            throw .damagedPDF(reason: "catalog /Pages is not an indirect reference")
        }
        var visited = Set<Int>()
        guard let page = try firstLeaf(pagesReference, inherited: [:], visited: &visited, depth: 0) else {
            throw .damagedPDF(reason: "the page tree holds no page")
        }
        return page
    }

    private func firstLeaf(
        _ reference: PDFReference, inherited: [PDFName: PDFObject], visited: inout Set<Int>, depth: Int
    ) throws(INSTaggingError) -> FirstPage? {
        guard depth < 64, visited.insert(reference.number).inserted else {
            throw .damagedPDF(reason: "page tree loops or is too deep at \(reference)")
        }
        guard let node = try resolveDictionary(.reference(reference)) else {
            throw .damagedPDF(reason: "page tree node \(reference) is not a dictionary")
        }
        let kids = node["Kids"]
        let type = node["Type"]?.nameValue
        if type == "Page" || (type != "Pages" && kids == nil) {
            return FirstPage(reference: reference, dictionary: node, inherited: inherited)
        }
        var passedDown = inherited
        for key in FirstPage.inheritableKeys {
            if let value = node[key] { passedDown[key] = value }
        }
        guard let kidList = try resolve(kids).arrayValue else {
            throw .damagedPDF(reason: "page tree node \(reference) has no /Kids array")
        }
        for kid in kidList {
            guard case .reference(let kidReference) = kid else {
                throw .damagedPDF(reason: "page tree kid is not an indirect reference")
            }
            if let page = try firstLeaf(kidReference, inherited: passedDown, visited: &visited, depth: depth + 1) {
                return page
            }
        }
        return nil
    }
}
