/// The ISO/IEC 16022 end-of-data rules, which depend on how many codewords the chosen symbol still has free.
///
/// - C40/Text/X12 may stop at a triplet boundary; the unlatch is written only when two or more codewords remain
///   (with one left, a decoder reads it as ASCII). Two pending C40/Text values are completed with a Shift 1 pad value
///   (ISO 5.2.5.2 b). When exactly one codeword remains, the last character (or digit pair) may follow in ASCII
///   without unlatch (implicit unlatch).
/// - EDIFACT: when one or two codewords remain at the start of a quadruplet, the decoder is back in ASCII; the rest
///   of the data (at most two ASCII codewords) follows without unlatch. Otherwise pending values end with the unlatch
///   value, which needs three free codewords at the start of the group.
/// - Base 256: a segment reaching the very end of the symbol may use length 0 ("to the end").
enum EncodationTermination: Sendable, Equatable {
    typealias Node = MinimalEncodationSearch.Node

    /// Stop in `node` after the whole message.
    case atEnd(node: Int)
    /// Stop in C40/Text/X12/EDIFACT at `position` and finish the message in ASCII without unlatch.
    case implicitASCIITail(position: Int, node: Int)
    /// The final Base 256 segment runs to the end of the symbol and says so with length 0.
    case base256ToEnd(node: Int)

    /// Codewords used (before padding) by the best way to finish within `capacity`, or `nil` if none fits.
    static func best(
        in search: MinimalEncodationSearch, capacity: Int
    ) -> (termination: EncodationTermination, used: Int)? {
        var best: (termination: EncodationTermination, used: Int)?
        func consider(_ termination: EncodationTermination, used: Int) {
            if best.map({ used < $0.used }) ?? true { best = (termination, used) }
        }
        let end = search.input.count
        for node in 0..<search.nodeCount {
            let reached = search.cost(at: end, node)
            guard reached != MinimalEncodationSearch.unreachable else { continue }
            let cost = Int(reached)
            if let used = usedAtEnd(node: node, cost: cost, capacity: capacity) {
                consider(.atEnd(node: node), used: used)
            }
            if node == Node.base256 + Node.base256LongCount - 1, cost - 1 == capacity {
                consider(.base256ToEnd(node: node), used: cost - 1)
            }
        }
        for position in max(0, end - 4)..<end {
            guard let tail = asciiTailCost(search.input[position...]) else { continue }
            for node in [Node.c40, Node.text, Node.x12, Node.edifact] {
                let reached = search.cost(at: position, node)
                guard reached != MinimalEncodationSearch.unreachable else { continue }
                let free = capacity - Int(reached)
                let fits = node == Node.edifact ? (free == 1 || free == 2) && tail <= free : free == 1 && tail == 1
                if fits { consider(.implicitASCIITail(position: position, node: node), used: Int(reached) + tail) }
            }
        }
        return best
    }

    private static func usedAtEnd(node: Int, cost: Int, capacity: Int) -> Int? {
        let used: Int
        switch node {
        case Node.ascii:
            used = cost
        case Node.c40, Node.text, Node.x12:
            used = withTripletUnlatch(cost, capacity: capacity)
        case Node.c40 + 2, Node.text + 2:
            used = withTripletUnlatch(cost + 2, capacity: capacity)  // a Shift 1 value completes the triplet
        case Node.c40 + 1, Node.text + 1, Node.x12 + 1, Node.x12 + 2:
            return nil
        case Node.edifact:
            used = capacity - cost >= 3 ? cost + 1 : cost  // with one or two left the decoder is back in ASCII
        case (Node.edifact + 1)...(Node.edifact + 3):
            // Pending values plus unlatch must start with at least three codewords free.
            guard capacity - cost >= 3 else { return nil }
            used = cost + EDIFACTCharacterSet.bytes(forValues: node - Node.edifact + 1)
        default:
            used = cost  // Base 256: every byte is already counted
        }
        return used <= capacity ? used : nil
    }

    /// The unlatch is written when at least two codewords remain; a single one is read as ASCII anyway.
    private static func withTripletUnlatch(_ used: Int, capacity: Int) -> Int {
        capacity - used >= 2 ? used + 1 : used
    }

    /// Fewest ASCII codewords for a short tail, or `nil` when it is longer than two codewords.
    static func asciiTailCost(_ tail: ArraySlice<UInt8>) -> Int? {
        var total = 0
        var index = tail.startIndex
        while index < tail.endIndex {
            let byte = tail[index]
            let next = tail.index(after: index)
            if MinimalEncodationSearch.isDigit(byte), next < tail.endIndex, MinimalEncodationSearch.isDigit(tail[next])
            {
                total += 1
                index = tail.index(after: next)
            } else {
                total += byte < 128 ? 1 : 2
                index = next
            }
            if total > 2 { return nil }
        }
        return total
    }
}
