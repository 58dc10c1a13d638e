/// The visible area of page 1 and how it is turned when displayed (ISO 32000-1 §14.11.2, §7.7.3.3).
struct PageGeometry: Equatable {
    /// Visible box in default user space: the CropBox clipped to the MediaBox.
    let left: Double
    let bottom: Double
    let right: Double
    let top: Double
    /// Clockwise display rotation: 0, 90, 180 or 270.
    let rotation: Int
    /// Size of one user-space unit in points (`/UserUnit`, PDF 1.6).
    let userUnit: Double

    init(page: FirstPage, reader: PDFDocumentReader) throws(INSTaggingError) {
        guard let media = try Self.rectangle(page.attribute("MediaBox"), reader: reader) else {
            throw .damagedPDF(reason: "page 1 has no valid /MediaBox")
        }
        var visible = media
        if let crop = try Self.rectangle(page.attribute("CropBox"), reader: reader) {
            visible = (
                max(crop.0, media.0), max(crop.1, media.1), min(crop.2, media.2), min(crop.3, media.3)
            )
        }
        guard visible.2 - visible.0 >= 1, visible.3 - visible.1 >= 1 else {
            throw .damagedPDF(reason: "page 1 has an empty visible area")
        }
        (left, bottom, right, top) = visible
        let rawRotation = try reader.resolve(page.attribute("Rotate")).integerValue ?? 0
        guard rawRotation % 90 == 0 else {
            throw .damagedPDF(reason: "/Rotate \(rawRotation) is not a multiple of 90")
        }
        rotation = ((rawRotation % 360) + 360) % 360
        let unit = try reader.resolve(page.dictionary["UserUnit"]).numberValue ?? 1
        guard unit.isFinite, unit > 0 else {
            throw .damagedPDF(reason: "/UserUnit is not a positive number")
        }
        userUnit = unit
    }

    /// Width and height of the page as people see it, in user units.
    var displayedSize: (width: Double, height: Double) {
        let width = right - left
        let height = top - bottom
        return rotation == 90 || rotation == 270 ? (height, width) : (width, height)
    }

    /// Maps displayed coordinates (origin at the displayed bottom-left corner, y up) to default user space.
    var displayToUser: AffineTransform {
        switch rotation {
        case 90: return AffineTransform(a: 0, b: 1, c: -1, d: 0, e: right, f: bottom)
        case 180: return AffineTransform(a: -1, b: 0, c: 0, d: -1, e: right, f: top)
        case 270: return AffineTransform(a: 0, b: -1, c: 1, d: 0, e: left, f: top)
        default: return AffineTransform(a: 1, b: 0, c: 0, d: 1, e: left, f: bottom)
        }
    }

    private static func rectangle(_ object: PDFObject?, reader: PDFDocumentReader) throws(INSTaggingError)
        -> (Double, Double, Double, Double)?
    {
        guard let items = try reader.resolve(object).arrayValue, items.count == 4 else { return nil }
        var numbers: [Double] = []
        for item in items {
            guard let value = try reader.resolve(item).numberValue, value.isFinite else { return nil }
            numbers.append(value)
        }
        // Boxes may be given by any two opposite corners.
        return (
            min(numbers[0], numbers[2]), min(numbers[1], numbers[3]), max(numbers[0], numbers[2]),
            max(numbers[1], numbers[3])
        )
    }
}
