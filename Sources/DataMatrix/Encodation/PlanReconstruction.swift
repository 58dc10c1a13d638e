/// Walks the predecessors of the search back from a finishing node and lists the moves in message order.
extension MinimalEncodationSearch {
    func steps(to endPosition: Int, node endNode: Int) -> [PlanStep] {
        var steps: [PlanStep] = []
        var position = endPosition
        var node = endNode
        while let (previous, kind) = predecessor(at: position, node) {
            switch kind {
            case .sameCharacter:
                if let step = Self.transition(from: previous, to: node) { steps.append(step) }
            case .oneCharacter:
                position -= 1
                steps.append(Self.characterStep(from: previous, to: node, byte: input[position]))
            case .digitPair:
                position -= 2
                steps.append(.asciiDigitPair(input[position], input[position + 1]))
            }
            node = previous
        }
        if position == 0 && node == Node.c40 && forcedC40Count > 0 { steps.append(.latch(.c40)) }
        return steps.reversed()
    }

    static func scheme(of node: Int) -> EncodationScheme {
        switch node {
        case Node.ascii: return .ascii
        case Node.c40..<Node.text: return .c40
        case Node.text..<Node.x12: return .text
        case Node.x12..<Node.edifact: return .x12
        case Node.edifact..<Node.base256: return .edifact
        default: return .base256
        }
    }

    /// A move that consumes nothing: a latch, an unlatch, or the silent end of a Base 256 segment.
    private static func transition(from previous: Int, to node: Int) -> PlanStep? {
        let from = scheme(of: previous)
        let to = scheme(of: node)
        if from == .ascii { return .latch(to) }
        return from == .base256 ? nil : .unlatch(from)
    }

    private static func characterStep(from previous: Int, to node: Int, byte: UInt8) -> PlanStep {
        switch (scheme(of: previous), scheme(of: node)) {
        case (.ascii, .base256): return .base256Start(byte)
        case (.base256, _): return .base256Byte(byte)
        case (.ascii, _): return .asciiByte(byte)
        case (.edifact, _): return .edifactByte(byte)
        case (let scheme, _): return .tripletByte(scheme, byte)
        }
    }
}
