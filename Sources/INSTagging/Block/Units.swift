/// Millimetres, points and printer dots.
enum Units {
    static let pointsPerMillimetre = 72.0 / 25.4

    static func points(fromMillimetres value: Double) -> Double {
        value * pointsPerMillimetre
    }

    /// Rounds a length to whole dots of a printer so that module edges fall on dot edges.
    static func snap(_ points: Double, dotsPerInch: Double) -> Double {
        guard dotsPerInch > 0 else { return points }
        let dot = 72.0 / dotsPerInch
        return (points / dot).rounded() * dot
    }
}
