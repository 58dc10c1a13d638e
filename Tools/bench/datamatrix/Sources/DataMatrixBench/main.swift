import DataMatrix
import Foundation

// Usage: DataMatrixBench throughput <hex file> <seconds> <minimal|c40header>
//        DataMatrixBench sizes <corpus file>
// Prints one line of `key=value` pairs per result for the `run` script.

func bytes(hex: Substring) -> [UInt8] {
    var result: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
        if let byte = UInt8(hex[index..<next], radix: 16) { result.append(byte) }
        index = next
    }
    return result
}

func options(_ name: String) -> DataMatrixOptions {
    name == "c40header" ? DataMatrixOptions(encodation: .forcedC40Prefix(26)) : DataMatrixOptions()
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: DataMatrixBench throughput <hex file> <seconds> <minimal|c40header> | sizes <corpus>")
    exit(2)
}
let text = try String(contentsOfFile: arguments[2], encoding: .utf8)
switch arguments[1] {
case "throughput":
    let message = bytes(hex: text.split(separator: "\n").first ?? "")
    let seconds = Double(arguments.count > 3 ? arguments[3] : "2") ?? 2
    let chosen = options(arguments.count > 4 ? arguments[4] : "minimal")
    let symbol = try DataMatrixEncoder.encode(message, options: chosen)
    var count = 0
    var checksum = 0
    let clock = ContinuousClock()
    let start = clock.now
    var elapsed = Duration.zero
    while elapsed < .seconds(seconds) {
        for _ in 0..<50 {
            let encoded = try DataMatrixEncoder.encode(message, options: chosen)
            checksum &+= encoded.rows
        }
        count += 50
        elapsed = clock.now - start
    }
    let perSecond =
        Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    print(
        "encodes_per_second=\(Int(perSecond)) size=\(symbol.sizeName) codewords=\(symbol.messageCodewordCount) check=\(checksum % 7)"
    )
case "sizes":
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: " ")
        guard parts.count == 2 else { continue }
        let message = bytes(hex: parts[1])
        let minimal = try DataMatrixEncoder.encode(message)
        var header = "-"
        if parts[0] == "ins" {
            header = try DataMatrixEncoder.encode(message, options: options("c40header")).sizeName
        }
        print("\(parts[0]) \(minimal.rows) \(minimal.messageCodewordCount) \(header)")
    }
default:
    print("unknown mode \(arguments[1])")
    exit(2)
}
