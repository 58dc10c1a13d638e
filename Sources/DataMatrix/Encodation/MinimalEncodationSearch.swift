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
    /// Characters that must be C40 before anything else may happen (0 when free): the requested prefix extended to
    /// the next triplet boundary, or the whole message when no boundary follows the prefix.
    let forcedC40Count: Int
    /// When the forced prefix runs to the end without reaching a triplet boundary, ISO's end-of-data rule returns to
    /// ASCII at the last boundary (the characters after it cannot end a C40 segment): that position.
    let forcedC40Exit: Int?
    let nodeCount: Int
    /// cost[position * nodeCount + node]
    private(set) var cost: [Int32]
    /// Predecessor node and edge kind packed as node | kind << 16, or -1.
    private(set) var predecessor: [Int32]
    /// Between paths of equal cost, the one that departs least often from the Annex P trajectory wins, so the output
    /// is the standard algorithm's whenever that algorithm is optimal (this reproduces the INS reference vector).
    private var deviations: [Int32]
    private let trajectory: AnnexPTrajectory

    init(input: [UInt8], forcedC40Count: Int) {
        self.input = input
        (self.forcedC40Count, forcedC40Exit) = Self.forcedC40Extent(input: input, requested: forcedC40Count)
        let needsBase256 = input.contains { $0 >= 128 }
        nodeCount = needsBase256 ? Node.withBase256 : Node.withoutBase256
        let size = (input.count + 1) * nodeCount
        cost = [Int32](repeating: Self.unreachable, count: size)
        predecessor = [Int32](repeating: -1, count: size)
        deviations = [Int32](repeating: 0, count: size)
        trajectory = AnnexPTrajectory(input: input, forcedC40Count: self.forcedC40Count, nodeCount: nodeCount)
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
            if nodeCount > Node.base256 { pruneBase256(at: position) }
            relaxCharacter(at: position)
        }
    }

    /// Base 256 nodes differ only in when the segment reaches 250 bytes (one more length codeword), so a node costing
    /// more than the cheapest can never catch up, and among the cheapest the shortest segment (plus one of 250 or
    /// more, which will never pay again) is enough. Keeps the search linear instead of 250 nodes per character.
    private mutating func pruneBase256(at position: Int) {
        let base = position * nodeCount
        var cheapest = Self.unreachable
        for node in Node.base256..<nodeCount { cheapest = min(cheapest, cost[base + node]) }
        guard cheapest != Self.unreachable else { return }
        var keptShort = false
        for node in Node.base256..<nodeCount where cost[base + node] != Self.unreachable {
            let isLong = node == nodeCount - 1
            if cost[base + node] == cheapest && (isLong || !keptShort) {
                keptShort = keptShort || !isLong
            } else {
                cost[base + node] = Self.unreachable
            }
        }
    }

    private static let tripletSchemes: [(node: Int, move: AnnexPTrajectory.Move)] = [
        (Node.c40, .latchC40), (Node.text, .latchText), (Node.x12, .latchX12), (Node.edifact, .latchEDIFACT),
    ]

    /// Latches and unlatches: they move between schemes without consuming a character.
    private mutating func relaxWithinPosition(_ position: Int) {
        let count = input.count
        guard position < count else { return }  // end-of-data is EncodationTermination's business
        let base = position * nodeCount
        if position < forcedC40Count {
            // Inside the forced C40 prefix only ISO's end-of-data exit is allowed.
            if position == forcedC40Exit, cost[base + Node.c40] != Self.unreachable {
                relax(position, Node.ascii, cost[base + Node.c40] + 1, from: Node.c40, .sameCharacter)
            }
            return
        }
        for node in [Node.c40, Node.text, Node.x12] where cost[base + node] != Self.unreachable {
            relax(
                position, Node.ascii, cost[base + node] + 1, from: node, .sameCharacter,
                deviates: trajectory.departs(at: position, from: node, by: .unlatch))
        }
        for node in Node.edifact...(Node.edifact + 3) where cost[base + node] != Self.unreachable {
            // The pending values and the unlatch value share the last, zero-padded codeword.
            let bytes = Int32(EDIFACTCharacterSet.bytes(forValues: node - Node.edifact + 1))
            relax(
                position, Node.ascii, cost[base + node] + bytes, from: node, .sameCharacter,
                deviates: trajectory.departs(at: position, from: node, by: .unlatch))
        }
        if nodeCount > Node.base256 {
            for node in Node.base256..<nodeCount where cost[base + node] != Self.unreachable {
                relax(
                    position, Node.ascii, cost[base + node], from: node, .sameCharacter,
                    deviates: trajectory.departs(at: position, from: node, by: .unlatch))
            }
        }
        let fromASCII = cost[base + Node.ascii]
        guard fromASCII != Self.unreachable else { return }
        for scheme in Self.tripletSchemes {
            relax(
                position, scheme.node, fromASCII + 1, from: Node.ascii, .sameCharacter,
                deviates: trajectory.departs(at: position, from: Node.ascii, by: scheme.move))
        }
    }

    private mutating func relaxCharacter(at position: Int) {
        let byte = input[position]
        let base = position * nodeCount
        let next = position + 1
        let free = position >= forcedC40Count
        let fromASCII = cost[base + Node.ascii]
        if fromASCII != Self.unreachable {
            if Self.startsDigitPair(input, position) {
                relax(
                    position + 2, Node.ascii, fromASCII + 1, from: Node.ascii, .digitPair,
                    deviates: trajectory.departs(at: position, from: Node.ascii, by: .digitPair))
            }
            relax(
                next, Node.ascii, fromASCII + (byte < 128 ? 1 : 2), from: Node.ascii, .oneCharacter,
                deviates: trajectory.departs(at: position, from: Node.ascii, by: .asciiCharacter))
            if nodeCount > Node.base256, free {
                // Latch 231, one length codeword, the byte.
                relax(
                    next, Node.base256, fromASCII + 3, from: Node.ascii, .oneCharacter,
                    deviates: trajectory.departs(at: position, from: Node.ascii, by: .latchBase256))
            }
        }
        relaxTriplet(Node.c40, values: Int(TripletCharacterSets.c40Count[Int(byte)]), at: position)
        guard free else { return }
        relaxTriplet(Node.text, values: Int(TripletCharacterSets.textCount[Int(byte)]), at: position)
        if TripletCharacterSets.x12[Int(byte)] != nil {
            relaxTriplet(Node.x12, values: 1, at: position)
        }
        if EDIFACTCharacterSet.value(of: byte) != nil {
            for pending in 0...3 where cost[base + Node.edifact + pending] != Self.unreachable {
                let completed: Int32 = pending == 3 ? 3 : 0
                relax(
                    next, Node.edifact + (pending + 1) % 4, cost[base + Node.edifact + pending] + completed,
                    from: Node.edifact + pending, .oneCharacter,
                    deviates: trajectory.departs(at: position, from: Node.edifact + pending, by: .character))
            }
        }
        if nodeCount > Node.base256 {
            for length in 1...Node.base256LongCount {
                let node = Node.base256 + length - 1
                guard cost[base + node] != Self.unreachable else { continue }
                // The 250th byte needs the second length codeword.
                let added: Int32 = length == Node.base256LongCount - 1 ? 2 : 1
                let nextNode = Node.base256 + min(length + 1, Node.base256LongCount) - 1
                relax(
                    next, nextNode, cost[base + node] + added, from: node, .oneCharacter,
                    deviates: trajectory.departs(at: position, from: node, by: .character))
            }
        }
    }

    private mutating func relaxTriplet(_ scheme: Int, values: Int, at position: Int) {
        let base = position * nodeCount
        for pending in 0...2 where cost[base + scheme + pending] != Self.unreachable {
            let total = pending + values
            relax(
                position + 1, scheme + total % 3, cost[base + scheme + pending] + Int32(2 * (total / 3)),
                from: scheme + pending, .oneCharacter,
                deviates: trajectory.departs(at: position, from: scheme + pending, by: .character))
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func forcedC40Extent(input: [UInt8], requested: Int) -> (count: Int, exit: Int?) {
        guard requested > 0, !input.isEmpty else { return (0, nil) }
        var values = 0
        var lastBoundary = 0
        for (position, byte) in input.enumerated() {
            if values % 3 == 0 {
                if position >= requested { return (position, nil) }
                lastBoundary = position
            }
            values += Int(TripletCharacterSets.c40Count[Int(byte)])
        }
        if values % 3 == 0 { return (input.count, nil) }
        // No boundary after the first one: a C40 segment would be a latch and an unlatch, which libdmtx misreads
        // and which carries nothing, so everything goes to the minimal search.
        if lastBoundary == 0 { return (0, nil) }
        return (input.count, lastBoundary)
    }

    static func startsDigitPair(_ input: [UInt8], _ position: Int) -> Bool {
        position + 1 < input.count && isDigit(input[position]) && isDigit(input[position + 1])
    }
}
