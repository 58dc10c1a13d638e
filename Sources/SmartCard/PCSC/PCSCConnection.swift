import CPCSCLite

/// A shared-mode PC/SC connection to the card in one reader.
///
/// Each connection owns its own pcsc-lite context and thread: pcsc-lite serialises calls per context, so a blocked
/// `SCardBeginTransaction` on one reader never holds up another reader or the event monitor.
public final class PCSCConnection: CardChannel, @unchecked Sendable {
    public let reader: String
    public let atr: [UInt8]
    public let transmissionProtocol: CardProtocol

    private let thread: PCSCThread
    private let state: State

    /// Thread-confined mutable state (only touched from `thread`).
    private final class State: @unchecked Sendable {
        let context = PCSCContext()
        var card: SCARDHANDLE?
        var activeProtocol: DWORD = 0
    }

    /// Largest reply we accept: 256 data bytes + SW with short APDUs; extended replies fit too.
    private static let receiveBufferSize = 65_538

    private init(reader: String, atr: [UInt8], activeProtocol: DWORD, thread: PCSCThread, state: State) {
        self.reader = reader
        self.atr = atr
        self.thread = thread
        self.state = state
        switch Int32(truncatingIfNeeded: activeProtocol) {
        case Int32(SCARD_PROTOCOL_T0):
            transmissionProtocol = .t0
        case Int32(SCARD_PROTOCOL_T1):
            transmissionProtocol = .t1
        default:
            transmissionProtocol = .raw
        }
    }

    /// Connects in shared mode (other software on the workstation uses the card too), T=0 or T=1.
    public static func connect(reader: String) async throws(SmartCardError) -> PCSCConnection {
        let thread = PCSCThread(name: "pcsc-card")
        let state = State()
        let opened: (atr: [UInt8], proto: DWORD)
        do {
            opened = try await thread.run { () -> Result<([UInt8], DWORD), SmartCardError> in
                Result { () throws(SmartCardError) in
                    try state.context.withRecovery { context throws(SmartCardError) in
                        try Self.open(reader: reader, context: context, state: state)
                    }
                }
            }
        } catch {
            thread.stop()
            throw error
        }
        return PCSCConnection(
            reader: reader, atr: opened.atr, activeProtocol: opened.proto, thread: thread, state: state)
    }

    private static func open(
        reader: String, context: SCARDCONTEXT, state: State
    ) throws(SmartCardError) -> ([UInt8], DWORD) {
        var card: SCARDHANDLE = 0
        var proto: DWORD = 0
        try SmartCardError.check(
            SCardConnect(
                context, reader, DWORD(SCARD_SHARE_SHARED), DWORD(SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1), &card,
                &proto))
        state.card = card
        state.activeProtocol = proto
        return (try readATR(card), proto)
    }

    private static func readATR(_ card: SCARDHANDLE) throws(SmartCardError) -> [UInt8] {
        var atr = [UInt8](repeating: 0, count: Int(MAX_ATR_SIZE))
        var atrLength = DWORD(atr.count)
        var nameLength: DWORD = 0
        var cardState: DWORD = 0
        var proto: DWORD = 0
        try SmartCardError.check(SCardStatus(card, nil, &nameLength, &cardState, &proto, &atr, &atrLength))
        return Array(atr.prefix(Int(atrLength)))
    }

    public func transmit(_ apdu: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        let state = self.state
        return try await thread.run { () -> Result<[UInt8], SmartCardError> in
            Result { () throws(SmartCardError) in try Self.transmit(apdu, state: state) }
        }
    }

    private static func transmit(_ apdu: [UInt8], state: State) throws(SmartCardError) -> [UInt8] {
        guard let card = state.card else {
            throw .connectionLost(.invalidHandle)
        }
        var sendPCI = SCARD_IO_REQUEST(
            dwProtocol: state.activeProtocol, cbPciLength: DWORD(MemoryLayout<SCARD_IO_REQUEST>.size))
        var reply = [UInt8](repeating: 0, count: receiveBufferSize)
        var replyLength = DWORD(reply.count)
        let status = apdu.withUnsafeBufferPointer { command in
            SCardTransmit(card, &sendPCI, command.baseAddress, DWORD(command.count), nil, &reply, &replyLength)
        }
        if let error = SmartCardError(status: PCSCStatus(raw: status)) {
            if error == .cardReset {
                acknowledgeReset(state: state)
            }
            throw error
        }
        return Array(reply.prefix(Int(replyLength)))
    }

    /// After `SCARD_W_RESET_CARD` pcsc-lite refuses the handle until it is reconnected; reconnecting without another
    /// reset keeps the card usable, and the caller is told through `cardReset` to redo selection and PIN.
    private static func acknowledgeReset(state: State) {
        guard let card = state.card else {
            return
        }
        var proto: DWORD = 0
        let status = SCardReconnect(
            card, DWORD(SCARD_SHARE_SHARED), DWORD(SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1), DWORD(SCARD_LEAVE_CARD),
            &proto)
        if status == SCARD_S_SUCCESS {
            state.activeProtocol = proto
        }
    }

    public func beginTransaction() async throws(SmartCardError) {
        let state = self.state
        try await thread.run { () -> Result<Void, SmartCardError> in
            Result { () throws(SmartCardError) in
                guard let card = state.card else {
                    throw .connectionLost(.invalidHandle)
                }
                let status = SCardBeginTransaction(card)
                if PCSCStatus(raw: status) == .resetCard {
                    Self.acknowledgeReset(state: state)
                }
                try SmartCardError.check(status)
            }
        }
    }

    public func endTransaction(_ disposition: CardDisposition) async throws(SmartCardError) {
        let state = self.state
        try await thread.run { () -> Result<Void, SmartCardError> in
            Result { () throws(SmartCardError) in
                guard let card = state.card else {
                    throw .connectionLost(.invalidHandle)
                }
                try SmartCardError.check(SCardEndTransaction(card, Self.code(disposition)))
            }
        }
    }

    /// Re-attaches the handle; with `.reset` the card is reset for every application (security state lost).
    public func reconnect(_ disposition: CardDisposition = .leave) async throws(SmartCardError) {
        let state = self.state
        try await thread.run { () -> Result<Void, SmartCardError> in
            Result { () throws(SmartCardError) in
                guard let card = state.card else {
                    throw .connectionLost(.invalidHandle)
                }
                var proto: DWORD = 0
                try SmartCardError.check(
                    SCardReconnect(
                        card, DWORD(SCARD_SHARE_SHARED), DWORD(SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1),
                        Self.code(disposition), &proto))
                state.activeProtocol = proto
            }
        }
    }

    /// Closes the connection; further calls fail with `connectionLost`.
    public func disconnect(_ disposition: CardDisposition = .leave) async {
        let state = self.state
        _ = try? await thread.run { () -> Result<Void, SmartCardError> in
            Self.close(state: state, disposition: disposition)
            return .success(())
        }
        thread.stop()
    }

    private static func close(state: State, disposition: CardDisposition) {
        if let card = state.card {
            _ = SCardDisconnect(card, code(disposition))
        }
        state.card = nil
        state.context.invalidate()
    }

    private static func code(_ disposition: CardDisposition) -> DWORD {
        switch disposition {
        case .leave: return DWORD(SCARD_LEAVE_CARD)
        case .reset: return DWORD(SCARD_RESET_CARD)
        case .unpower: return DWORD(SCARD_UNPOWER_CARD)
        }
    }

    deinit {
        let state = self.state
        thread.enqueue {
            Self.close(state: state, disposition: .leave)
        }
        thread.stop()
    }
}
