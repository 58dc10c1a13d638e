/// Where and how to stamp page 1 of an existing PDF with the INS DataMatrix, « INS à scanner » and the traits.
public struct StampRequest: Sendable, Equatable {
    /// The corner of the page *as displayed* (after `/Rotate`) the stamp is measured from.
    public enum Corner: String, Sendable, Equatable, CaseIterable {
        case topLeft
        case topRight
        case bottomLeft
        case bottomRight
    }

    public var payload: [UInt8]
    public var lines: [LabelLine]
    public var moduleSizeMM: Double
    public var quietZoneModules: Int
    public var corner: Corner
    /// Distance from the vertical edge of `corner` to the stamp (inwards).
    public var horizontalOffsetMM: Double
    /// Distance from the horizontal edge of `corner` to the stamp (inwards).
    public var verticalOffsetMM: Double
    public var fontSize: Double
    /// Longer trait lines are wrapped at spaces.
    public var maximumTextWidthMM: Double
    /// Resolution the symbol position is snapped to (0 = no snapping).
    public var printerDotsPerInch: Double

    public init(
        payload: [UInt8],
        lines: [LabelLine],
        moduleSizeMM: Double = INSLabelRequest.defaultModuleSizeMM,
        quietZoneModules: Int = 2,
        corner: Corner = .topRight,
        horizontalOffsetMM: Double = 10,
        verticalOffsetMM: Double = 10,
        fontSize: Double = 7,
        maximumTextWidthMM: Double = 80,
        printerDotsPerInch: Double = 300
    ) {
        self.payload = payload
        self.lines = lines
        self.moduleSizeMM = moduleSizeMM
        self.quietZoneModules = quietZoneModules
        self.corner = corner
        self.horizontalOffsetMM = horizontalOffsetMM
        self.verticalOffsetMM = verticalOffsetMM
        self.fontSize = fontSize
        self.maximumTextWidthMM = maximumTextWidthMM
        self.printerDotsPerInch = printerDotsPerInch
    }

    func validate() throws(INSTaggingError) {
        try INSPayload.check(payload)
        try TagBlockStyle.validate(moduleSizeMM: moduleSizeMM, quietZoneModules: quietZoneModules)
        guard horizontalOffsetMM.isFinite, verticalOffsetMM.isFinite, horizontalOffsetMM >= 0, verticalOffsetMM >= 0
        else {
            throw .invalidRequest(reason: "stamp offsets must be finite and non-negative")
        }
        guard fontSize.isFinite, (3...72).contains(fontSize) else {
            throw .invalidRequest(reason: "font size \(fontSize) outside 3…72 pt")
        }
        guard maximumTextWidthMM.isFinite, (10...1000).contains(maximumTextWidthMM) else {
            throw .invalidRequest(reason: "maximum text width \(maximumTextWidthMM) mm outside 10…1000 mm")
        }
        guard printerDotsPerInch.isFinite, printerDotsPerInch >= 0 else {
            throw .invalidRequest(reason: "printer resolution must be non-negative")
        }
    }
}
