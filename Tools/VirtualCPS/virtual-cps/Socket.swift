#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin blocking-socket helpers (the simulator is a test tool: one thread per reader slot is fine).
enum Socket {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func connectTCP(host: String, port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else {
            throw Failure(description: "socket() failed: errno \(errno)")
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw Failure(description: "bad IPv4 address \(host)")
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw Failure(description: "connect \(host):\(port) failed: errno \(code)")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
    }

    static func unixAddress(_ path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8.prefix(MemoryLayout.size(ofValue: address.sun_path) - 1))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[index] = byte
            }
        }
        return address
    }

    static func listenUnix(path: String) throws -> Int32 {
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else {
            throw Failure(description: "socket(AF_UNIX) failed")
        }
        var address = unixAddress(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw Failure(description: "cannot listen on \(path): errno \(errno)")
        }
        chmod(path, 0o600)
        return fd
    }

    static func connectUnix(path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = unixAddress(path)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard fd >= 0, result == 0 else {
            close(fd)
            throw Failure(description: "cannot reach the control socket \(path) (is virtual-cps running?)")
        }
        return fd
    }

    /// Waits until `fd` is readable; false on timeout.
    static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// Asks the kernel to acknowledge received data at once instead of delaying the ACK. vpcd writes a frame's
    /// length and payload in two sends; with Nagle on its side and a delayed ACK on ours, every APDU waited ~40 ms.
    /// Linux resets the flag after some reads, so it is set again before each one.
    static func acknowledgeImmediately(_ fd: Int32) {
        #if os(Linux)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), Int32(TCP_QUICKACK), &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Reads exactly `count` bytes; nil when the peer closed or failed.
    static func readExactly(_ fd: Int32, count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let received = buffer.withUnsafeMutableBytes { raw in
                recv(fd, raw.baseAddress.map { $0 + done }, count - done, 0)
            }
            if received <= 0 {
                if received < 0 && errno == EINTR {
                    continue
                }
                return nil
            }
            done += received
        }
        return buffer
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress.map { $0 + done }, bytes.count - done, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 {
                if sent < 0 && errno == EINTR {
                    continue
                }
                return false
            }
            done += sent
        }
        return true
    }

    static func readLine(_ fd: Int32, limit: Int = 4096) -> String? {
        var bytes: [UInt8] = []
        while bytes.count < limit {
            guard let byte = readExactly(fd, count: 1) else {
                return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
            }
            if byte[0] == 0x0A {
                break
            }
            bytes.append(byte[0])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
