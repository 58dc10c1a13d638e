/// The code porteur while it travels from the PIN page to the card: exactly 4 digits, checked before anything is sent,
/// held in memory we own and zeroed when the value is consumed or dropped.
///
/// Non-copyable so it cannot be duplicated into logs, caches or retries by accident; no description, no Codable.
public struct CardPIN: ~Copyable, @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<UInt8>

    /// Takes the digits (ASCII); throws `invalidPINFormat` unless they are exactly 4 decimal digits.
    public init(digits: String) throws(CPSError) {
        var bytes = Array(digits.utf8)
        defer {
            for index in bytes.indices {
                bytes[index] = 0
            }
        }
        guard bytes.count == CPSConstants.pinDigits, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .invalidPINFormat
        }
        storage = .allocate(capacity: CPSConstants.pinDigits)
        for index in bytes.indices {
            storage[index] = bytes[index]
        }
    }

    /// Takes the digits as typed bytes (ASCII, a trailing newline already removed) and zeroes `typed` whatever the
    /// outcome, so a command line can read the PIN into a buffer it owns and never turn it into a `String`.
    public init(typed: inout [UInt8]) throws(CPSError) {
        defer {
            for index in typed.indices {
                typed[index] = 0
            }
        }
        guard typed.count == CPSConstants.pinDigits, typed.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .invalidPINFormat
        }
        storage = .allocate(capacity: CPSConstants.pinDigits)
        for index in typed.indices {
            storage[index] = typed[index]
        }
    }

    /// The VERIFY data block: digits padded to `length` with `padding`. The caller zeroes it once sent.
    func block(length: Int, padding: UInt8) -> [UInt8] {
        var block = [UInt8](repeating: padding, count: max(length, storage.count))
        for index in storage.indices {
            block[index] = storage[index]
        }
        return block
    }

    private static func wipe(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        for index in buffer.indices {
            buffer[index] = 0
        }
    }

    deinit {
        Self.wipe(storage)
        storage.deallocate()
    }
}
