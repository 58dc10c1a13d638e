import Configuration
import Foundation

/// The file and the environment, stacked in one reader (environment first). Shared by `load` and the check so
/// that both see exactly the same values.
struct ConfigurationSource: Sendable {
    let file: String
    let baseDirectory: String
    let text: String
    let reader: ConfigReader

    static func open(
        explicitPath: String?, environment: [String: String]
    ) async throws(ConfigurationError) -> ConfigurationSource {
        guard let path = explicitPath ?? environment["PASSERELLE_CONFIG"], !path.isEmpty else {
            throw ConfigurationError(.noFile, "")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        guard FileManager.default.isReadableFile(atPath: absolute.path),
            let data = FileManager.default.contents(atPath: absolute.path)
        else {
            throw ConfigurationError(.unreadable, path, "file does not exist or is not readable")
        }
        let yaml: FileProvider<YAMLSnapshot>
        do {
            // The file path goes through a reader so that no SystemPackage type is needed here.
            let locator = ConfigReader(
                provider: InMemoryProvider(values: ["filePath": ConfigValue(.string(absolute.path), isSecret: false)]))
            yaml = try await FileProvider<YAMLSnapshot>(config: locator)
        } catch {
            throw ConfigurationError(.unreadable, path, "\(error)")
        }
        let overrides = EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "passerelle")
        return ConfigurationSource(
            file: absolute.path, baseDirectory: absolute.deletingLastPathComponent().path,
            text: String(decoding: data, as: UTF8.self), reader: ConfigReader(providers: [overrides, yaml]))
    }

    /// `insi.timeouts.requestSeconds` → `PASSERELLE_INSI_TIMEOUTS_REQUEST_SECONDS`, as swift-configuration's
    /// environment provider encodes keys (a break before an upper-case letter that follows a lower-case one).
    static func environmentName(_ path: String) -> String {
        var name = "PASSERELLE"
        for component in path.split(separator: ".") {
            name += "_"
            var previous: Character?
            for character in component {
                if let previous, previous.isLowercase, character.isUppercase { name += "_" }
                name += character.isLetter || character.isNumber ? character.uppercased() : "_"
                previous = character
            }
        }
        return name
    }
}
