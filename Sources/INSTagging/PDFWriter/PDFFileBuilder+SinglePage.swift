extension PDFFileBuilder {
    /// A complete one-page document: catalog, page tree, one page of `width` × `height` points drawing `content`,
    /// and an Info dictionary. `resources` may add objects (fonts) to the file and returns the page resources.
    static func singlePage(
        width: Double, height: Double, content: String, title: String,
        resources makeResources: (inout PDFFileBuilder) -> PDFDictionary
    ) -> [UInt8] {
        var file = PDFFileBuilder()
        let catalog = file.reserve()
        let pages = file.reserve()
        let page = file.reserve()
        let resources = makeResources(&file)
        let contents = file.add(.stream(PDFDictionary(), Array(content.utf8)))
        let info = file.add(
            .object(
                .dictionary(
                    PDFDictionary([
                        ("Producer", .string(Array("Passerelle".utf8))),
                        ("Creator", .string(Array("Passerelle".utf8))),
                        ("Title", .string(Array(title.utf8))),
                    ]))))
        file.set(
            catalog, .object(.dictionary(PDFDictionary([("Type", .name("Catalog")), ("Pages", .reference(pages))]))))
        file.set(
            pages,
            .object(
                .dictionary(
                    PDFDictionary([
                        ("Type", .name("Pages")), ("Kids", .array([.reference(page)])), ("Count", .integer(1)),
                    ])
                )))
        let mediaBox = PDFObject.array([
            .integer(0), .integer(0), .real(PDFNumber.format(width)), .real(PDFNumber.format(height)),
        ])
        file.set(
            page,
            .object(
                .dictionary(
                    PDFDictionary([
                        ("Type", .name("Page")), ("Parent", .reference(pages)), ("MediaBox", mediaBox),
                        ("Resources", .dictionary(resources)), ("Contents", .reference(contents)),
                    ]))))
        return file.build(root: catalog, info: info)
    }
}
