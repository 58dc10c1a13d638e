import Foundation

/// The `LPS/Instance` UUID: created once per installation and kept in a file, because INSi (and the CNDA)
/// identify an installation by it across calls and restarts.
public enum InstallationID {
    /// Reads the UUID stored at `path`, or creates it (mode 0600) when the file does not exist yet.
    public static func loadOrCreate(at path: String) throws(INSiError) -> String {
        let url = URL(fileURLWithPath: path)
        if let data = try? Data(contentsOf: url) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let uuid = UUID(uuidString: text) else {
                throw .configuration("installation id file \(path) does not hold a UUID")
            }
            return uuid.uuidString.lowercased()
        }
        let uuid = UUID().uuidString.lowercased()
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(uuid.utf8).write(to: url, options: .withoutOverwriting)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            // Another process may have won the race: its UUID is the one to keep.
            if let data = try? Data(contentsOf: url),
                let existing = UUID(uuidString: String(decoding: data, as: UTF8.self))
            {
                return existing.uuidString.lowercased()
            }
            throw .configuration("cannot write installation id file \(path): \(error)")
        }
        return uuid
    }
}
