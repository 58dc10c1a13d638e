import CPCSCLite

/// One pcsc-lite context, established lazily and again after pcscd went away.
///
/// Confined to the `PCSCThread` that owns it (pcsc-lite serialises calls per context anyway).
final class PCSCContext: @unchecked Sendable {
    private(set) var handle: SCARDCONTEXT?

    /// The current context, establishing one if needed.
    func ensure() throws(SmartCardError) -> SCARDCONTEXT {
        if let handle {
            return handle
        }
        var context: SCARDCONTEXT = 0
        try SmartCardError.check(SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), nil, nil, &context))
        handle = context
        return context
    }

    /// Drops the context (after `SCARD_E_NO_SERVICE`, `SCARD_E_SERVICE_STOPPED`, …) so the next call makes a new one.
    func invalidate() {
        if let handle {
            _ = SCardReleaseContext(handle)
        }
        handle = nil
    }

    /// Runs `body` with a live context; when it fails because the context died (pcscd restarted), establishes a new
    /// context and tries once more.
    func withRecovery<T>(_ body: (SCARDCONTEXT) throws(SmartCardError) -> T) throws(SmartCardError) -> T {
        do {
            return try body(try ensure())
        } catch  where error.requiresNewContext {
            invalidate()
            return try body(try ensure())
        }
    }

    /// Reader names currently known to pcscd; empty when there is none.
    func listReaders() throws(SmartCardError) -> [String] {
        do {
            return try withRecovery { context throws(SmartCardError) in
                try Self.listReaders(context)
            }
        } catch SmartCardError.noReaders {
            return []
        }
    }

    static func listReaders(_ context: SCARDCONTEXT) throws(SmartCardError) -> [String] {
        var length: DWORD = 0
        try SmartCardError.check(SCardListReaders(context, nil, nil, &length))
        guard length > 0 else {
            return []
        }
        var buffer = [CChar](repeating: 0, count: Int(length))
        try SmartCardError.check(SCardListReaders(context, nil, &buffer, &length))
        return parseMultiString(buffer.prefix(Int(length)))
    }

    /// Splits a PC/SC multi-string (`a\0b\0\0`).
    static func parseMultiString(_ buffer: some Collection<CChar>) -> [String] {
        var names: [String] = []
        var current: [UInt8] = []
        for char in buffer {
            if char == 0 {
                if current.isEmpty {
                    break
                }
                names.append(String(decoding: current, as: UTF8.self))
                current.removeAll()
            } else {
                current.append(UInt8(bitPattern: char))
            }
        }
        return names
    }

    deinit {
        invalidate()
    }
}
