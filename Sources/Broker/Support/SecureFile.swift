import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files holding keys or secret hashes: created 0600, replaced atomically (write to a temporary file, fsync, rename).
enum SecureFile {
    static func write(_ data: Data, to url: URL) throws(BrokerError) {
        let directory = url.deletingLastPathComponent()
        try ensureDirectory(directory.path)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(Secrets.token().prefix(8))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw .storage("cannot create \(temporary.path): errno \(errno)") }
        let written = data.withUnsafeBytes { buffer in
            buffer.baseAddress.map { Glibc.write(descriptor, $0, buffer.count) } ?? 0
        }
        fsync(descriptor)
        close(descriptor)
        guard written == data.count else {
            unlink(temporary.path)
            throw .storage("short write to \(temporary.path)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw .storage("cannot rename onto \(url.path): errno \(errno)")
        }
    }

    /// The data directory: created 0700 when missing.
    static func ensureDirectory(_ path: String) throws(BrokerError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .storage("\(path) is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .storage("cannot create \(path): \(error)")
        }
    }

    /// Permission bits of an existing file (tests and `config check`).
    static func permissions(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
    }
}
