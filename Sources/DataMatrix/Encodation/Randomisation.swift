/// The two pseudo-random masks of ISO/IEC 16022 (Annex B): 253-state for pad codewords,
/// 255-state for Base 256 codewords. `position` is the 1-based place of the codeword in the data stream.
enum Randomisation {
    static func pad(atPosition position: Int) -> UInt8 {
        let pseudoRandom = (149 * position) % 253 + 1
        let value = Int(Codeword.firstPad) + pseudoRandom
        return UInt8(value <= 254 ? value : value - 254)
    }

    static func base256(_ byte: UInt8, atPosition position: Int) -> UInt8 {
        let pseudoRandom = (149 * position) % 255 + 1
        let value = Int(byte) + pseudoRandom
        return UInt8(value <= 255 ? value : value - 256)
    }
}
