/// Entry point to PC/SC on this machine: list readers, connect to a card, watch events.
///
/// Every pcsc-lite call runs on a dedicated thread; the context is re-established transparently after pcscd restarts
/// or reports `SCARD_E_NO_SERVICE`, `SCARD_E_SERVICE_STOPPED` or `SCARD_E_NO_READERS_AVAILABLE`.
public final class SmartCardSystem: Sendable {
    private let thread = PCSCThread(name: "pcsc-system")
    private let context = PCSCContext()

    public init() {}

    /// Reader names currently known to pcscd (empty when none).
    public func readers() async throws(SmartCardError) -> [String] {
        let context = self.context
        return try await thread.run { () -> Result<[String], SmartCardError> in
            Result { () throws(SmartCardError) in try context.listReaders() }
        }
    }

    /// Connects to the card in `reader` in shared mode.
    public func connect(reader: String) async throws(SmartCardError) -> PCSCConnection {
        try await PCSCConnection.connect(reader: reader)
    }

    /// Reader and card events, starting with what is present now.
    public func events() -> ReaderEvents {
        ReaderEvents()
    }

    deinit {
        let context = self.context
        thread.enqueue {
            context.invalidate()
        }
        thread.stop()
    }
}
