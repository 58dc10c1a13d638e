import Foundation

/// Reads a secret (client secret, passphrase, database password) from the file the configuration names. The value
/// never appears in the configuration itself, in the environment or in an error message.
public enum SecretFile {
    /// The file's content without its trailing line break; `key` names the configuration key in errors.
    public static func read(_ path: String, key: String) throws(ConfigurationError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(.unreadable, path, "secret file for \(key) does not exist or is not readable")
        }
        var text = String(decoding: data, as: UTF8.self)
        while let last = text.last, last.isNewline { text.removeLast() }
        guard !text.isEmpty else { throw ConfigurationError(.invalidValue, key, "the secret file \(path) is empty") }
        return text
    }
}
