/// Geometry shared by labels and stamps, in points.
struct TagBlockStyle {
    var moduleSize: Double
    var quietZoneModules: Int
    var fontSize: Double
    /// Space between the symbol's quiet zone and the text, and around the text.
    var textPadding: Double
    /// A white rectangle under the whole block: needed on a page that may already carry ink there.
    var whiteBackground: Bool

    static func validate(moduleSizeMM: Double, quietZoneModules: Int) throws(INSTaggingError) {
        // ISO/IEC 16022 asks for at least one module of quiet zone; below ~0.19 mm few printers resolve a module.
        guard moduleSizeMM.isFinite, (0.19...2.0).contains(moduleSizeMM) else {
            throw .invalidRequest(reason: "module size \(moduleSizeMM) mm outside 0.19…2.0 mm")
        }
        guard (1...10).contains(quietZoneModules) else {
            throw .invalidRequest(reason: "quiet zone of \(quietZoneModules) modules outside 1…10")
        }
    }
}
