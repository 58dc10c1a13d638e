/// The page of a label PDF and the frame the label occupies on it (millimetres, origin at the top-left corner
/// as people measure on paper).
public struct LabelPage: Sendable, Equatable {
    public var widthMM: Double
    public var heightMM: Double
    public var frameXMM: Double
    public var frameYMM: Double
    public var frameWidthMM: Double
    public var frameHeightMM: Double
    /// Blank margin inside the frame.
    public var marginMM: Double

    public init(
        widthMM: Double, heightMM: Double, frameXMM: Double, frameYMM: Double, frameWidthMM: Double,
        frameHeightMM: Double, marginMM: Double
    ) {
        self.widthMM = widthMM
        self.heightMM = heightMM
        self.frameXMM = frameXMM
        self.frameYMM = frameYMM
        self.frameWidthMM = frameWidthMM
        self.frameHeightMM = frameHeightMM
        self.marginMM = marginMM
    }

    /// A label of its own size, for label printers.
    public static func label(widthMM: Double, heightMM: Double, marginMM: Double = 2) -> LabelPage {
        LabelPage(
            widthMM: widthMM, heightMM: heightMM, frameXMM: 0, frameYMM: 0, frameWidthMM: widthMM,
            frameHeightMM: heightMM, marginMM: marginMM)
    }

    public static let label70x35 = LabelPage.label(widthMM: 70, heightMM: 35)

    /// An A4 sheet with the label at a position (e.g. one cell of a sheet of labels).
    public static func a4(
        frameXMM: Double, frameYMM: Double, frameWidthMM: Double = 70, frameHeightMM: Double = 35,
        marginMM: Double = 2
    ) -> LabelPage {
        LabelPage(
            widthMM: 210, heightMM: 297, frameXMM: frameXMM, frameYMM: frameYMM, frameWidthMM: frameWidthMM,
            frameHeightMM: frameHeightMM, marginMM: marginMM)
    }

    func validate() throws(INSTaggingError) {
        let values = [widthMM, heightMM, frameXMM, frameYMM, frameWidthMM, frameHeightMM, marginMM]
        guard values.allSatisfy(\.isFinite), widthMM > 0, heightMM > 0, widthMM <= 5080, heightMM <= 5080,
            frameXMM >= 0, frameYMM >= 0, frameWidthMM > 0, frameHeightMM > 0, marginMM >= 0,
            frameXMM + frameWidthMM <= widthMM + 0.001, frameYMM + frameHeightMM <= heightMM + 0.001
        else {
            throw .invalidRequest(reason: "label frame is not inside the page or has no area")
        }
    }
}
