/// A label: the symbol of `payload`, « INS à scanner » and the traits, on a page of its own.
public struct INSLabelRequest: Sendable, Equatable {
    /// 4 dots of a 300-dpi label printer (≈ 0.339 mm): module edges fall on printer dots.
    public static let defaultModuleSizeMM = 4 * 25.4 / 300

    public var payload: [UInt8]
    public var lines: [LabelLine]
    public var moduleSizeMM: Double
    public var quietZoneModules: Int
    public var page: LabelPage
    /// Text is shrunk from the largest size down to the smallest until everything fits; below, `doesNotFit`.
    public var maximumFontSize: Double
    public var minimumFontSize: Double
    /// Resolution the symbol position is snapped to (0 = no snapping).
    public var printerDotsPerInch: Double

    public init(
        payload: [UInt8],
        lines: [LabelLine],
        moduleSizeMM: Double = INSLabelRequest.defaultModuleSizeMM,
        quietZoneModules: Int = 2,
        page: LabelPage = .label70x35,
        maximumFontSize: Double = 8,
        minimumFontSize: Double = 4.5,
        printerDotsPerInch: Double = 300
    ) {
        self.payload = payload
        self.lines = lines
        self.moduleSizeMM = moduleSizeMM
        self.quietZoneModules = quietZoneModules
        self.page = page
        self.maximumFontSize = maximumFontSize
        self.minimumFontSize = minimumFontSize
        self.printerDotsPerInch = printerDotsPerInch
    }
}
