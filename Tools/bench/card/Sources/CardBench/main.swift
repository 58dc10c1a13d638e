import CPS
import Foundation
import SmartCard
import VirtualCPSCard

/// Card benchmark through the real pcscd + vpcd + virtual-cps (started by `run`), with baselines measured in the same
/// run: the in-process transport (no pcscd) and the raw round trip of a trivial APDU through pcscd. Prints ratios;
/// asserts nothing.
let arguments = CommandLine.arguments
let repository = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : ".")
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 3 : 3
let reader = "Virtual PCD 00 00"
let catalog = try CardCatalog.load(from: repository.appendingPathComponent("Certs/cards/cards.json"))
guard let content = catalog.cards.first(where: { $0.id == "medecin-1" }) else {
    FileHandle.standardError.write(Data("medecin-1 missing from Certs/cards/cards.json\n".utf8))
    exit(3)
}

func pin() throws -> CardPIN { try CardPIN(digits: "1234") }

// MARK: insertion event → holder identity, through pcscd

let events = EventWaiter()
await events.start()
try await Task.sleep(for: .milliseconds(500))
var pcscdCold: [(ms: Double, apdus: Int)] = []
var pcscdWarm: [(ms: Double, apdus: Int)] = []
let warmCache = CardDataCache()
for round in 0..<(2 * rounds + 1) {
    try ctl("remove", "--reader", "0")
    _ = await events.next { if case .cardRemoved(reader) = $0 { true } else { false } }
    await events.clear()
    try ctl("insert", "--reader", "0")
    let inserted = await events.next { if case .cardInserted(reader, _) = $0 { true } else { false } }
    let connection = try await PCSCConnection.connect(reader: reader)
    let counting = CountingChannel(connection)
    let cold = round % 2 == 0
    let identity = try await CPSCard(channel: counting, cache: cold ? CardDataCache() : warmCache).readIdentity()
    let elapsed = Clock.milliseconds(since: inserted)
    precondition(identity.holder.nationalID == "899700000013")
    if round == 0 {
        _ = try await CPSCard(channel: connection, cache: warmCache).readIdentity()
    } else if cold {
        pcscdCold.append((elapsed, counting.count))
    } else {
        pcscdWarm.append((elapsed, counting.count))
    }
    await connection.disconnect()
}

// MARK: baselines in the same run

var inProcessCold: [Double] = []
var inProcessWarm: [Double] = []
let inProcessCache = CardDataCache()
for round in 0..<(2 * rounds) {
    let channel = try InProcessCardChannel(content: content)
    let start = ContinuousClock.now
    _ = try await CPSCard(channel: channel, cache: round % 2 == 0 ? CardDataCache() : inProcessCache).readIdentity()
    (round % 2 == 0 ? { inProcessCold.append($0) } : { inProcessWarm.append($0) })(Clock.milliseconds(since: start))
}
_ = try await CPSCard(channel: InProcessCardChannel(content: content), cache: inProcessCache).readIdentity()

let raw = try await PCSCConnection.connect(reader: reader)
let selectMF: [UInt8] = [0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00]
var trivial: [Double] = []
for _ in 0..<(rounds * 10) {
    let start = ContinuousClock.now
    _ = try await raw.transmit(selectMF)
    trivial.append(Clock.milliseconds(since: start))
}

// MARK: INTERNAL AUTHENTICATE signatures per second

func signaturesPerSecond(_ channel: any CardChannel) async throws -> (rate: Double, apdus: Double) {
    let counting = CountingChannel(channel)
    let card = try CPSCard(channel: counting, cache: CardDataCache())
    _ = try await card.readIdentity()
    try await card.verifyPIN(try pin())
    let before = counting.count
    let digest = [UInt8](repeating: 0x42, count: 32)
    let start = ContinuousClock.now
    var count = 0
    while Clock.milliseconds(since: start) < seconds * 1000 {
        _ = try await card.sign(sha256Digest: digest)
        count += 1
    }
    let elapsed = Clock.milliseconds(since: start) / 1000
    return (Double(count) / elapsed, Double(counting.count - before) / Double(max(count, 1)))
}
let pcscdSigning = try await signaturesPerSecond(raw)
let inProcessSigning = try await signaturesPerSecond(try InProcessCardChannel(content: content))
await raw.disconnect()

// MARK: report

let coldMs = pcscdCold.map(\.ms).median
let warmMs = pcscdWarm.map(\.ms).median
let coldAPDUs = pcscdCold.map(\.apdus).max() ?? 0
let warmAPDUs = pcscdWarm.map(\.apdus).max() ?? 0
let apduMs = trivial.median
print("card bench: \(rounds) insertions per case, \(format(seconds, 0)) s of signing; medians")
print("")
print("insertion event → holder identity       APDUs   ms (pcscd)   ms (in-process)   pcscd/in-process   ms per APDU")
print(
    "  unknown card (cold cache)              \(coldAPDUs)      \(format(coldMs))        \(format(inProcessCold.median, 3))"
        + "             \(format(coldMs / inProcessCold.median, 0))x              \(format(coldMs / Double(coldAPDUs), 3))"
)
print(
    "  known card (cache by serial+EF_ACTUA)  \(warmAPDUs)       \(format(warmMs))        \(format(inProcessWarm.median, 3))"
        + "             \(format(warmMs / inProcessWarm.median, 0))x              \(format(warmMs / Double(warmAPDUs), 3))"
)
print("  baseline: trivial APDU round trip through pcscd (SELECT MF): \(format(apduMs, 3)) ms")
print(
    "  cold identity = \(format(coldMs / apduMs, 1)) trivial round trips for \(coldAPDUs) APDUs; "
        + "goal ≤ 10 APDUs and ≤ 50 ms: cold \(coldAPDUs <= 10 && coldMs <= 50 ? "met" : "NOT met"), "
        + "known \(warmAPDUs <= 10 && warmMs <= 50 ? "met" : "NOT met")")
print("")
print("INTERNAL AUTHENTICATE (RSA-2048, PIN verified)   signatures/s   APDUs/signature")
print(
    "  through pcscd                                   \(format(pcscdSigning.rate, 1))          \(format(pcscdSigning.apdus, 1))"
)
print(
    "  in-process transport (baseline)                 \(format(inProcessSigning.rate, 1))          \(format(inProcessSigning.apdus, 1))"
)
print(
    "  pcscd / in-process: \(format(pcscdSigning.rate / inProcessSigning.rate, 2)); pcscd signature = "
        + "\(format(1000 / pcscdSigning.rate / apduMs, 1)) trivial round trips")
