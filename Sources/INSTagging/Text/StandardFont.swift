/// The two standard-14 fonts we use; nothing is embedded (ISO 32000-1 §9.6.2.2).
enum StandardFont: Sendable, CaseIterable {
    case helvetica
    case helveticaBold

    var baseFont: PDFName {
        switch self {
        case .helvetica: return "Helvetica"
        case .helveticaBold: return "Helvetica-Bold"
        }
    }

    /// Resource name inside our own content (never shared with the host page's resources).
    var resourceName: PDFName {
        switch self {
        case .helvetica: return "PasserelleF1"
        case .helveticaBold: return "PasserelleF2"
        }
    }

    var fontDictionary: PDFDictionary {
        PDFDictionary([
            ("Type", .name("Font")),
            ("Subtype", .name("Type1")),
            ("BaseFont", .name(baseFont)),
            ("Encoding", .name("WinAnsiEncoding")),
        ])
    }

    /// Width in points of WinAnsi-encoded bytes at a font size.
    func width(of bytes: [UInt8], size: Double) -> Double {
        let table = self == .helvetica ? HelveticaMetrics.regular : HelveticaMetrics.bold
        var total = 0
        for byte in bytes {
            let index = Int(byte) - HelveticaMetrics.firstCode
            if index >= 0, index < table.count { total += table[index] }
        }
        return Double(total) * size / 1000
    }
}
