import SmartCard
import Synchronization

/// A card that answers from a script, recording what it was sent.
final class ScriptedChannel: CardChannel {
    let atr: [UInt8] = [0x3B, 0x00]
    let transmissionProtocol: CardProtocol
    private let state: Mutex<(replies: [[UInt8]], sent: [[UInt8]])>

    init(replies: [[UInt8]], protocol: CardProtocol = .t0) {
        transmissionProtocol = `protocol`
        state = Mutex((replies, []))
    }

    var sent: [[UInt8]] { state.withLock { $0.sent } }

    func transmit(_ apdu: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        state.withLock { state in
            state.sent.append(apdu)
            return state.replies.isEmpty ? [0x6F, 0x00] : state.replies.removeFirst()
        }
    }

    func beginTransaction() async throws(SmartCardError) {}
    func endTransaction(_ disposition: CardDisposition) async throws(SmartCardError) {}
}
