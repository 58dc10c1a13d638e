/// Puts the stamp block at a corner of the page as displayed, snapped to printer dots, and refuses a stamp that
/// would leave the visible area.
enum StampPlacement {
    /// - Returns: the `cm` matrix that maps block coordinates (points) to the page's default user space.
    static func transform(
        blockWidth: Double, blockHeight: Double, request: StampRequest, geometry: PageGeometry
    ) throws(INSTaggingError) -> AffineTransform {
        let unit = geometry.userUnit
        let displayed = geometry.displayedSize
        // Work in points of the displayed page; user units differ from points only with /UserUnit.
        let pageWidth = displayed.width * unit
        let pageHeight = displayed.height * unit
        let horizontal = Units.points(fromMillimetres: request.horizontalOffsetMM)
        let vertical = Units.points(fromMillimetres: request.verticalOffsetMM)
        var fromLeft: Double
        var fromTop: Double
        switch request.corner {
        case .topLeft:
            fromLeft = horizontal
            fromTop = vertical
        case .topRight:
            fromLeft = pageWidth - horizontal - blockWidth
            fromTop = vertical
        case .bottomLeft:
            fromLeft = horizontal
            fromTop = pageHeight - vertical - blockHeight
        case .bottomRight:
            fromLeft = pageWidth - horizontal - blockWidth
            fromTop = pageHeight - vertical - blockHeight
        }
        fromLeft = Units.snap(fromLeft, dotsPerInch: request.printerDotsPerInch)
        fromTop = Units.snap(fromTop, dotsPerInch: request.printerDotsPerInch)
        let tolerance = 0.01
        guard fromLeft >= -tolerance, fromTop >= -tolerance, fromLeft + blockWidth <= pageWidth + tolerance,
            fromTop + blockHeight <= pageHeight + tolerance
        else {
            throw .doesNotFit(
                reason: "stamp of \(PDFNumber.format(blockWidth))×\(PDFNumber.format(blockHeight)) pt at "
                    + "\(request.corner.rawValue) does not fit a page of "
                    + "\(PDFNumber.format(pageWidth))×\(PDFNumber.format(pageHeight)) pt")
        }
        let bottom = pageHeight - fromTop - blockHeight
        let placeAndScale = AffineTransform(
            a: 1 / unit, b: 0, c: 0, d: 1 / unit, e: fromLeft / unit, f: bottom / unit)
        return geometry.displayToUser.concatenating(placeAndScale)
    }
}
