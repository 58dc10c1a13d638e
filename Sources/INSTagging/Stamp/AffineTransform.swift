/// A PDF transformation matrix `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f.
struct AffineTransform: Equatable {
    var a: Double
    var b: Double
    var c: Double
    var d: Double
    var e: Double
    var f: Double

    /// `self` applied after `inner`: points go through `inner` first.
    func concatenating(_ inner: AffineTransform) -> AffineTransform {
        AffineTransform(
            a: inner.a * a + inner.b * c,
            b: inner.a * b + inner.b * d,
            c: inner.c * a + inner.d * c,
            d: inner.c * b + inner.d * d,
            e: inner.e * a + inner.f * c + e,
            f: inner.e * b + inner.f * d + f)
    }

    var operands: String {
        [a, b, c, d, e, f].map(PDFNumber.format).joined(separator: " ")
    }
}
