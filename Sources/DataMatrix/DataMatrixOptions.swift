/// How the encoder chooses the symbol and the encodation of the message.
public struct DataMatrixOptions: Sendable, Equatable {
    /// Which symbol shapes may be chosen.
    public enum Shape: Sendable, Equatable {
        /// Square symbols only (10×10 … 144×144): what the INS specification and most readers expect.
        case square
        /// Square or rectangular symbols (8×18 … 16×48). DMRE sizes are never produced.
        case rectangularAllowed
    }

    /// How characters are assigned to encodation schemes.
    public enum Encodation: Sendable, Equatable {
        /// Fewest codewords (an exhaustive search over every ISO/IEC 16022 encodation).
        case minimal
        /// The first `n` characters in C40, continued to a whole C40 triplet, then the fewest codewords for the rest.
        /// The INS DataMatrix requires this with `n = 26` (its header).
        case forcedC40Prefix(Int)
        /// The whole message in C40 (the ISO end-of-data rules may still put the last one or two characters in ASCII).
        case wholeMessageC40
    }

    public var shape: Shape
    public var encodation: Encodation
    /// Light modules around the symbol on every side, in modules. Readers need at least 1; 0 only when asked.
    public var quietZone: Int
    /// The smallest symbol that may be chosen (a larger one is chosen when the message needs it).
    public var minimumSize: DataMatrixSize?

    public init(
        shape: Shape = .square,
        encodation: Encodation = .minimal,
        quietZone: Int = 2,
        minimumSize: DataMatrixSize? = nil
    ) {
        self.shape = shape
        self.encodation = encodation
        self.quietZone = quietZone
        self.minimumSize = minimumSize
    }
}
