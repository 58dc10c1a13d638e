import SmartCard
import Synchronization

/// Wraps any card channel and counts the APDUs that reach the card (tests and the card bench compare APDU counts
/// on the in-process card and through pcscd).
public final class CountingChannel: CardChannel {
    public let base: any CardChannel
    private let counter = Mutex(0)

    public init(_ base: any CardChannel) {
        self.base = base
    }

    public var count: Int { counter.withLock { $0 } }
    public var atr: [UInt8] { base.atr }
    public var transmissionProtocol: CardProtocol { base.transmissionProtocol }

    public func transmit(_ apdu: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        counter.withLock { $0 += 1 }
        return try await base.transmit(apdu)
    }

    public func beginTransaction() async throws(SmartCardError) { try await base.beginTransaction() }
    public func endTransaction(_ disposition: CardDisposition) async throws(SmartCardError) {
        try await base.endTransaction(disposition)
    }
}
