/// Shortest-path search over every way of encoding the message (ISO/IEC 16022 §5.2), so the result is the fewest
/// data codewords rather than the guess of a look-ahead heuristic.
///
/// A node is (characters consumed, scheme, values pending in an unfinished C40/Text/X12 triplet or EDIFACT quadruplet,
/// or bytes in the current Base 256 segment). Its cost counts only the codewords already complete, so partial units
/// are never charged twice. Everything that depends on the symbol capacity (the end-of-data rules) is decided later by
/// `EncodationTermination`, once per candidate size, on the costs computed here.
struct MinimalEncodationSearch {
    static let unreachable = Int32.max

    /// Node layout: 0 ASCII, 1…3 C40, 4…6 Text, 7…9 X12 (+ pending values), 10…13 EDIFACT (+ pending values),
    /// 14… Base 256 with segment length 1…250 (250 standing for "250 or more").
    enum Node {
        static let ascii = 0
        static let c40 = 1
        static let text = 4
        static let x12 = 7
        static let edifact = 10
        static let base256 = 14
        static let base256LongCount = 250
        static let withoutBase256 = 14
        static let withBase256 = 14 + base256LongCount
    }

    enum EdgeKind: Int32 {
        case sameCharacter = 0
        case oneCharacter = 1
        case digitPair = 2
    }

    let input: [UInt8]
    /// Characters that must be C40 before anything else may happen (0 when free).
    let forcedC40Count: Int
    let nodeCount: Int
    /// cost[position * nodeCount + node]
    private(set) var cost: [Int32]
    /// Predecessor node and edge kind packed as node | kind << 16, or -1.
    private(set) var predecessor: [Int32]
    /// Between paths of equal cost, the one that departs least often from the Annex P look-ahead wins, so the output
    /// is the standard algorithm's whenever that algorithm is optimal (this reproduces the INS reference vector).
    private var deviations: [Int32]
    private let lookahead: AnnexPLookahead
    /// Cached Annex P choices, position * 6 + scheme index; -1 when not computed yet.
    private var preferred: [Int8]

    init(input: [UInt8], forcedC40Count: Int) {
        self.input = input
        self.forcedC40Count = min(forcedC40Count, input.count)
        let needsBase256 = input.contains { $0 >= 128 }
        nodeCount = needsBase256 ? Node.withBase256 : Node.withoutBase256
        let size = (input.count + 1) * nodeCount
        cost = [Int32](repeating: Self.unreachable, count: size)
        predecessor = [Int32](repeating: -1, count: size)
        deviations = [Int32](repeating: 0, count: size)
        lookahead = AnnexPLookahead(input: input)
        preferred = [Int8](repeating: -1, count: (input.count + 1) * 6)
        run()
    }

    func cost(at position: Int, _ node: Int) -> Int32 {
        cost[position * nodeCount + node]
    }

    func predecessor(at position: Int, _ node: Int) -> (node: Int, kind: EdgeKind)? {
        let packed = predecessor[position * nodeCount + node]
        guard packed >= 0, let kind = EdgeKind(rawValue: packed >> 16) else { return nil }
        return (Int(packed & 0xFFFF), kind)
    }

    private mutating func relax(
        _ position: Int, _ node: Int, _ value: Int32, from previous: Int, _ kind: EdgeKind, deviates: Bool = false
    ) {
        let index = position * nodeCount + node
        let previousPosition: Int
        switch kind {
        case .sameCharacter: previousPosition = position
        case .oneCharacter: previousPosition = position - 1
        case .digitPair: previousPosition = position - 2
        }
        let tieBreak = deviations[previousPosition * nodeCount + previous] + (deviates ? 1 : 0)
        if value < cost[index] || (value == cost[index] && tieBreak < deviations[index]) {
            cost[index] = value
            predecessor[index] = Int32(previous) | (kind.rawValue << 16)
            deviations[index] = tieBreak
        }
    }

    private mutating func run() {
        let count = input.count
        if forcedC40Count > 0 {
            cost[Node.c40] = 1  // latch 230
        } else {
            cost[Node.ascii] = 0
        }
        for position in 0...count {
            relaxWithinPosition(position)
            if position == count { break }
            relaxCharacter(at: position)
        }
    }

    /// Latches and unlatches: they move between schemes without consuming a character.
    private mutating func relaxWithinPosition(_ position: Int) {
        let count = input.count
        guard position < count else { return }  // end-of-data is EncodationTermination's business
        let base = position * nodeCount
        if position < forcedC40Count {
            // Inside the forced C40 prefix only ISO's end-of-data exit (one or two characters left) is allowed.
            if count - position <= 2, cost[base + Node.c40] != Self.unreachable {
                relax(position, Node.ascii, cost[base + Node.c40] + 1, from: Node.c40, .sameCharacter)
            }
            return
        }
        for (node, scheme) in [(Node.c40, EncodationScheme.c40), (Node.text, .text), (Node.x12, .x12)]
        where cost[base + node] != Self.unreachable {
            let stays = annexPChoice(at: position, in: scheme) == scheme
            relax(position, Node.ascii, cost[base + node] + 1, from: node, .sameCharacter, deviates: stays)
        }
        for pending in 0...3 where cost[base + Node.edifact + pending] != Self.unreachable {
            // The pending values and the unlatch value share the last, zero-padded codeword.
            let bytes = Int32(EDIFACTCharacterSet.bytes(forValues: pending + 1))
            let stays = pending != 0 || annexPChoice(at: position, in: .edifact) == .edifact
            relax(
                position, Node.ascii, cost[base + Node.edifact + pending] + bytes, from: Node.edifact + pending,
                .sameCharacter, deviates: stays)
        }
        if nodeCount > Node.base256 {
            let stays = annexPChoice(at: position, in: .base256) == .base256
            for node in Node.base256..<nodeCount where cost[base + node] != Self.unreachable {
                relax(position, Node.ascii, cost[base + node], from: node, .sameCharacter, deviates: stays)
            }
        }
        let fromASCII = cost[base + Node.ascii]
        guard fromASCII != Self.unreachable else { return }
        let choice = asciiChoice(at: position)
        for (node, scheme) in [
            (Node.c40, EncodationScheme.c40), (Node.text, .text), (Node.x12, .x12), (Node.edifact, .edifact),
        ] {
            relax(position, node, fromASCII + 1, from: Node.ascii, .sameCharacter, deviates: choice != scheme)
        }
    }

    private mutating func relaxCharacter(at position: Int) {
        let byte = input[position]
        let base = position * nodeCount
        let next = position + 1
        let free = position >= forcedC40Count
        let fromASCII = cost[base + Node.ascii]
        if fromASCII != Self.unreachable {
            let choice = free ? asciiChoice(at: position) : .ascii
            let pair = startsDigitPair(position)
            if pair {
                relax(position + 2, Node.ascii, fromASCII + 1, from: Node.ascii, .digitPair)
            }
            relax(
                next, Node.ascii, fromASCII + (byte < 128 ? 1 : 2), from: Node.ascii, .oneCharacter,
                deviates: pair || choice != .ascii)
            if nodeCount > Node.base256, free {
                // Latch 231, one length codeword, the byte.
                relax(next, Node.base256, fromASCII + 3, from: Node.ascii, .oneCharacter, deviates: choice != .base256)
            }
        }
        relaxTriplet(Node.c40, .c40, values: Int(TripletCharacterSets.c40Count[Int(byte)]), at: position)
        guard free else { return }
        relaxTriplet(Node.text, .text, values: Int(TripletCharacterSets.textCount[Int(byte)]), at: position)
        if TripletCharacterSets.x12[Int(byte)] != nil {
            relaxTriplet(Node.x12, .x12, values: 1, at: position)
        }
        if EDIFACTCharacterSet.value(of: byte) != nil {
            for pending in 0...3 where cost[base + Node.edifact + pending] != Self.unreachable {
                let completed: Int32 = pending == 3 ? 3 : 0
                let leaves = pending == 0 && annexPChoice(at: position, in: .edifact) != .edifact
                relax(
                    next, Node.edifact + (pending + 1) % 4, cost[base + Node.edifact + pending] + completed,
                    from: Node.edifact + pending, .oneCharacter, deviates: leaves)
            }
        }
        if nodeCount > Node.base256 {
            let leaves = annexPChoice(at: position, in: .base256) != .base256
            for length in 1...Node.base256LongCount {
                let node = Node.base256 + length - 1
                guard cost[base + node] != Self.unreachable else { continue }
                // The 250th byte needs the second length codeword.
                let added: Int32 = length == Node.base256LongCount - 1 ? 2 : 1
                let nextNode = Node.base256 + min(length + 1, Node.base256LongCount) - 1
                relax(next, nextNode, cost[base + node] + added, from: node, .oneCharacter, deviates: leaves)
            }
        }
    }

    private mutating func relaxTriplet(_ scheme: Int, _ kind: EncodationScheme, values: Int, at position: Int) {
        let base = position * nodeCount
        for pending in 0...2 where cost[base + scheme + pending] != Self.unreachable {
            let total = pending + values
            let leaves =
                pending == 0 && position >= forcedC40Count && annexPChoice(at: position, in: kind) != kind
            relax(
                position + 1, scheme + total % 3, cost[base + scheme + pending] + Int32(2 * (total / 3)),
                from: scheme + pending, .oneCharacter, deviates: leaves)
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static let schemeOrder: [EncodationScheme] = [.ascii, .c40, .text, .x12, .edifact, .base256]

    /// What Annex P would do at `position` in `scheme` (only consulted outside the forced prefix).
    private mutating func annexPChoice(at position: Int, in scheme: EncodationScheme) -> EncodationScheme {
        guard let schemeIndex = Self.schemeOrder.firstIndex(of: scheme) else { return scheme }
        let index = position * 6 + schemeIndex
        if preferred[index] >= 0 { return Self.schemeOrder[Int(preferred[index])] }
        let choice = lookahead.preferredScheme(at: position, current: scheme)
        preferred[index] = Int8(Self.schemeOrder.firstIndex(of: choice) ?? 0)
        return choice
    }

    /// Annex P takes a digit pair in ASCII without looking ahead.
    private func startsDigitPair(_ position: Int) -> Bool {
        position + 1 < input.count && Self.isDigit(input[position]) && Self.isDigit(input[position + 1])
    }

    /// The ASCII move Annex P makes at `position`: `.ascii` for a character (or digit pair), else the scheme to latch.
    private mutating func asciiChoice(at position: Int) -> EncodationScheme {
        startsDigitPair(position) ? .ascii : annexPChoice(at: position, in: .ascii)
    }
}
