/// The look-ahead test of ISO/IEC 16022 Annex P, the scheme choice most encoders (and the INS reference vector)
/// make. It is not optimal, so it never decides the codeword count here: the minimal search uses it only to choose
/// among encodings of equal length, which makes our output identical to the standard algorithm's whenever the
/// standard algorithm happens to be optimal.
///
/// Counts are kept in twelfths of a codeword so the comparisons are exact.
struct AnnexPLookahead {
    private let input: [UInt8]
    /// Characters before the next X12 terminator (CR, `*`, `>`) and before the next non-X12 character.
    private let distanceToX12Terminator: [Int]
    private let distanceToNonX12: [Int]

    init(input: [UInt8]) {
        self.input = input
        var terminator = [Int](repeating: Int.max / 4, count: input.count + 1)
        var nonX12 = [Int](repeating: Int.max / 4, count: input.count + 1)
        for index in stride(from: input.count - 1, through: 0, by: -1) {
            let byte = input[index]
            terminator[index] = byte == 13 || byte == 42 || byte == 62 ? 0 : terminator[index + 1] + 1
            nonX12[index] = TripletCharacterSets.x12[Int(byte)] == nil ? 0 : nonX12[index + 1] + 1
        }
        distanceToX12Terminator = terminator
        distanceToNonX12 = nonX12
    }

    private struct Counts {
        var ascii: Int
        var c40: Int
        var text: Int
        var x12: Int
        var edifact: Int
        var base256: Int

        init(current: EncodationScheme) {
            let inASCII = current == .ascii
            ascii = inASCII ? 0 : 12
            c40 = inASCII ? 12 : 24
            text = c40
            x12 = c40
            edifact = c40
            base256 = inASCII ? 15 : 27
            switch current {
            case .ascii: ascii = 0
            case .c40: c40 = 0
            case .text: text = 0
            case .x12: x12 = 0
            case .edifact: edifact = 0
            case .base256: base256 = 0
            }
        }

        mutating func add(_ byte: UInt8) {
            let extended = byte >= 128
            if MinimalEncodationSearch.isDigit(byte) {
                ascii += 6
            } else {
                ascii = Self.ceiling(ascii) + (extended ? 24 : 12)
            }
            c40 += Self.tripletCost(native: Self.isNativeC40(byte), extended: extended)
            text += Self.tripletCost(native: Self.isNativeText(byte), extended: extended)
            x12 += TripletCharacterSets.x12[Int(byte)] != nil ? 8 : (extended ? 52 : 40)
            edifact += EDIFACTCharacterSet.value(of: byte) != nil ? 9 : (extended ? 51 : 39)
            base256 += 12
        }

        mutating func roundUp() {
            ascii = Self.ceiling(ascii)
            c40 = Self.ceiling(c40)
            text = Self.ceiling(text)
            x12 = Self.ceiling(x12)
            edifact = Self.ceiling(edifact)
            base256 = Self.ceiling(base256)
        }

        static func ceiling(_ twelfths: Int) -> Int { (twelfths + 11) / 12 * 12 }

        private static func tripletCost(native: Bool, extended: Bool) -> Int {
            native ? 8 : (extended ? 32 : 16)
        }

        private static func isNativeC40(_ byte: UInt8) -> Bool {
            byte == 32 || (48...57).contains(byte) || (65...90).contains(byte)
        }

        private static func isNativeText(_ byte: UInt8) -> Bool {
            byte == 32 || (48...57).contains(byte) || (97...122).contains(byte)
        }
    }

    /// The scheme Annex P would use for the character at `position` when currently in `current`.
    func preferredScheme(at position: Int, current: EncodationScheme) -> EncodationScheme {
        var counts = Counts(current: current)
        var offset = 0
        while true {
            if position + offset == input.count {
                counts.roundUp()
                return Self.atEnd(counts)
            }
            counts.add(input[position + offset])
            if offset >= 4, let decided = decide(counts, after: position + offset + 1) { return decided }
            offset += 1
        }
    }

    private static func atEnd(_ counts: Counts) -> EncodationScheme {
        let (a, c, t, x, e, b) = (counts.ascii, counts.c40, counts.text, counts.x12, counts.edifact, counts.base256)
        if a <= min(c, t, x, e, b) { return .ascii }
        if b < min(a, c, t, x, e) { return .base256 }
        if e < min(a, c, t, x, b) { return .edifact }
        if t < min(a, c, x, e, b) { return .text }
        if x < min(a, c, t, e, b) { return .x12 }
        return .c40
    }

    private func decide(_ counts: Counts, after next: Int) -> EncodationScheme? {
        let (a, c, t, x, e, b) = (counts.ascii, counts.c40, counts.text, counts.x12, counts.edifact, counts.base256)
        let one = 12
        if a + one <= min(c, t, x, e, b) { return .ascii }
        if b + one <= a || b + one < min(c, t, x, e) { return .base256 }
        if e + one < min(a, c, t, x, b) { return .edifact }
        if t + one < min(a, c, x, e, b) { return .text }
        if x + one < min(a, c, t, e, b) { return .x12 }
        if c + one < min(a, t, e, b) {
            if c < x { return .c40 }
            if c == x {
                return distanceToX12Terminator[next] < distanceToNonX12[next] ? .x12 : .c40
            }
        }
        return nil
    }
}
