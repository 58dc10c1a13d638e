/// The path the ISO/IEC 16022 Annex P algorithm itself would take through the search graph: at every node it
/// visits, the move it makes. The minimal search breaks ties between equally short encodings in favour of these moves,
/// so whenever the standard algorithm is optimal our codewords are exactly its codewords (this is what reproduces the
/// BWIPP reference vector of the INS specification); when it is not optimal the search still wins on length.
struct AnnexPTrajectory {
    enum Move: Int8 {
        case none = 0
        case asciiCharacter
        case digitPair
        case latchC40
        case latchText
        case latchX12
        case latchEDIFACT
        case latchBase256
        case character
        case unlatch

        static func latch(_ scheme: EncodationScheme) -> Move {
            switch scheme {
            case .c40: return .latchC40
            case .text: return .latchText
            case .x12: return .latchX12
            case .edifact: return .latchEDIFACT
            case .base256: return .latchBase256
            case .ascii: return .asciiCharacter
            }
        }
    }

    typealias Node = MinimalEncodationSearch.Node

    private let nodeCount: Int
    /// moves[position * nodeCount + node]
    private var moves: [Move]

    init(input: [UInt8], forcedC40Count: Int, nodeCount: Int) {
        self.nodeCount = nodeCount
        moves = [Move](repeating: .none, count: (input.count + 1) * nodeCount)
        walk(input, forcedC40Count: forcedC40Count)
    }

    /// True when the trajectory passes through `node` at `position` and makes a different move there.
    func departs(at position: Int, from node: Int, by move: Move) -> Bool {
        let planned = moves[position * nodeCount + node]
        return planned != .none && planned != move
    }

    private mutating func mark(_ position: Int, _ node: Int, _ move: Move) {
        moves[position * nodeCount + node] = move
    }

    private mutating func walk(_ input: [UInt8], forcedC40Count: Int) {
        let lookahead = AnnexPLookahead(input: input)
        var position = 0
        var node = forcedC40Count > 0 ? Node.c40 : Node.ascii
        var valuesSinceLatch = 0
        while position < input.count {
            let byte = input[position]
            let scheme = MinimalEncodationSearch.scheme(of: node)
            let free = position >= forcedC40Count
            switch scheme {
            case .ascii:
                if free && MinimalEncodationSearch.startsDigitPair(input, position) {
                    mark(position, node, .digitPair)
                    position += 2
                    continue
                }
                var choice = free ? lookahead.preferredScheme(at: position, current: .ascii) : .ascii
                if !Self.canEncode(byte, in: choice) { choice = .ascii }
                switch choice {
                case .ascii:
                    mark(position, node, .asciiCharacter)
                    position += 1
                case .base256:
                    mark(position, node, .latchBase256)
                    node = Node.base256
                    position += 1
                default:
                    mark(position, node, .latch(choice))
                    node = Self.firstNode(of: choice)
                    valuesSinceLatch = 0
                }
            case .base256:
                if lookahead.preferredScheme(at: position, current: .base256) != .base256 {
                    mark(position, node, .unlatch)
                    node = Node.ascii
                    continue
                }
                mark(position, node, .character)
                node = min(node + 1, Node.base256 + Node.base256LongCount - 1)
                position += 1
            default:
                let first = Self.firstNode(of: scheme)
                let pending = node - first
                let atBoundary = pending == 0 && valuesSinceLatch > 0 && free
                if atBoundary && lookahead.preferredScheme(at: position, current: scheme) != scheme {
                    mark(position, node, .unlatch)
                    node = Node.ascii
                    continue
                }
                guard Self.canEncode(byte, in: scheme) else {
                    guard pending == 0 || scheme == .edifact else { return }  // the standard would back-track
                    mark(position, node, .unlatch)
                    node = Node.ascii
                    continue
                }
                let values = Self.values(of: byte, in: scheme)
                let unit = scheme == .edifact ? 4 : 3
                mark(position, node, .character)
                node = first + (pending + values) % unit
                valuesSinceLatch += values
                position += 1
            }
        }
    }

    private static func firstNode(of scheme: EncodationScheme) -> Int {
        switch scheme {
        case .ascii: return Node.ascii
        case .c40: return Node.c40
        case .text: return Node.text
        case .x12: return Node.x12
        case .edifact: return Node.edifact
        case .base256: return Node.base256
        }
    }

    private static func canEncode(_ byte: UInt8, in scheme: EncodationScheme) -> Bool {
        switch scheme {
        case .x12: return TripletCharacterSets.x12[Int(byte)] != nil
        case .edifact: return EDIFACTCharacterSet.value(of: byte) != nil
        default: return true
        }
    }

    private static func values(of byte: UInt8, in scheme: EncodationScheme) -> Int {
        switch scheme {
        case .c40: return Int(TripletCharacterSets.c40Count[Int(byte)])
        case .text: return Int(TripletCharacterSets.textCount[Int(byte)])
        default: return 1
        }
    }
}
