/// Turns plan steps into data codewords for a symbol of known capacity, applying the end-of-data rules the
/// termination chose and the pad randomisation.
struct CodewordEmitter {
    let capacity: Int
    private(set) var codewords: [UInt8] = []
    /// Codewords before padding, known once `finish` ran.
    private(set) var dataLength = 0
    private var tripletValues: [UInt8] = []
    private var edifactValues: [UInt8] = []
    private var base256Segment: [UInt8]?

    init(capacity: Int) {
        self.capacity = capacity
        codewords.reserveCapacity(capacity)
    }

    private var free: Int { capacity - codewords.count }

    mutating func emit(_ step: PlanStep) {
        if case .base256Byte(let byte) = step {
            base256Segment?.append(byte)
            return
        }
        flushBase256(toEnd: false)
        switch step {
        case .asciiByte(let byte):
            appendASCII(byte)
        case .asciiDigitPair(let tens, let units):
            codewords.append(Codeword.digitPairBase + (tens - 48) * 10 + (units - 48))
        case .latch(let scheme):
            codewords.append(scheme.latchCodeword)
        case .unlatch(.edifact):
            // At the start of a quadruplet with one or two codewords left the decoder is already back in ASCII.
            if edifactValues.isEmpty && free <= 2 { return }
            finishEDIFACT()
        case .unlatch:
            codewords.append(Codeword.unlatch)
        case .tripletByte(let scheme, let byte):
            let values: [UInt8]
            switch scheme {
            case .c40: values = TripletCharacterSets.c40[Int(byte)]
            case .text: values = TripletCharacterSets.text[Int(byte)]
            default: values = TripletCharacterSets.x12[Int(byte)].map { [$0] } ?? []
            }
            for value in values { appendTripletValue(value) }
        case .edifactByte(let byte):
            edifactValues.append(EDIFACTCharacterSet.value(of: byte) ?? 0)
            if edifactValues.count == 4 { packEDIFACT() }
        case .base256Start(let byte):
            base256Segment = [byte]
        case .base256Byte:
            break
        }
    }

    /// Applies the end-of-data rule of `termination` (the plan's steps must already be emitted), then pads.
    mutating func finish(_ termination: EncodationTermination, tail: ArraySlice<UInt8>) {
        switch termination {
        case .base256ToEnd:
            flushBase256(toEnd: true)
        case .implicitASCIITail:
            flushBase256(toEnd: false)
            appendASCIITail(tail)
        case .atEnd(let node):
            flushBase256(toEnd: false)
            finishAtEnd(node: node)
        }
        dataLength = codewords.count
        pad()
    }

    private mutating func finishAtEnd(node: Int) {
        typealias Node = MinimalEncodationSearch.Node
        switch MinimalEncodationSearch.scheme(of: node) {
        case .c40, .text, .x12:
            if !tripletValues.isEmpty {
                // Two values pending (ISO 5.2.5.2 b): a Shift 1 value completes the triplet.
                appendTripletValue(TripletCharacterSets.shift1)
            }
            // With a single codeword left a decoder reads it as ASCII, so it can be a pad.
            if free >= 2 { codewords.append(Codeword.unlatch) }
        case .edifact:
            if !edifactValues.isEmpty || free >= 3 { finishEDIFACT() }
        case .ascii, .base256:
            break
        }
    }

    private mutating func appendASCII(_ byte: UInt8) {
        if byte < 128 {
            codewords.append(byte + 1)
        } else {
            codewords.append(Codeword.upperShift)
            codewords.append(byte - 128 + 1)
        }
    }

    private mutating func appendASCIITail(_ tail: ArraySlice<UInt8>) {
        var index = tail.startIndex
        while index < tail.endIndex {
            let next = tail.index(after: index)
            if MinimalEncodationSearch.isDigit(tail[index]), next < tail.endIndex,
                MinimalEncodationSearch.isDigit(tail[next])
            {
                emit(.asciiDigitPair(tail[index], tail[next]))
                index = tail.index(after: next)
            } else {
                appendASCII(tail[index])
                index = next
            }
        }
    }

    private mutating func appendTripletValue(_ value: UInt8) {
        tripletValues.append(value)
        guard tripletValues.count == 3 else { return }
        let (high, low) = TripletCharacterSets.pack(tripletValues[0], tripletValues[1], tripletValues[2])
        codewords.append(high)
        codewords.append(low)
        tripletValues.removeAll(keepingCapacity: true)
    }

    private mutating func packEDIFACT() {
        var bits: UInt32 = 0
        for (index, value) in edifactValues.enumerated() { bits |= UInt32(value) << (18 - 6 * index) }
        let byteCount = EDIFACTCharacterSet.bytes(forValues: edifactValues.count)
        for index in 0..<byteCount { codewords.append(UInt8(truncatingIfNeeded: bits >> (16 - 8 * index))) }
        edifactValues.removeAll(keepingCapacity: true)
    }

    /// Pending values, the unlatch value, zero bits to the byte boundary.
    private mutating func finishEDIFACT() {
        edifactValues.append(Codeword.edifactUnlatchValue)
        packEDIFACT()
    }

    private mutating func flushBase256(toEnd: Bool) {
        guard let segment = base256Segment else { return }
        base256Segment = nil
        codewords.append(Codeword.latchBase256)
        let length: [UInt8]
        if toEnd {
            length = [0]
        } else if segment.count <= 249 {
            length = [UInt8(segment.count)]
        } else {
            length = [UInt8(segment.count / 250 + 249), UInt8(segment.count % 250)]
        }
        for byte in length + segment {
            codewords.append(Randomisation.base256(byte, atPosition: codewords.count + 1))
        }
    }

    private mutating func pad() {
        guard codewords.count < capacity else { return }
        codewords.append(Codeword.firstPad)
        while codewords.count < capacity {
            codewords.append(Randomisation.pad(atPosition: codewords.count + 1))
        }
    }
}
