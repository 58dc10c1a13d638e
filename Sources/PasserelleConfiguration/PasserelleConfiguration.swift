import Configuration
import Foundation

/// The whole `passerelle.yaml`: one section per subsystem. Only `insi` exists so far; `psc`, `card`, `store` and
/// `broker` slot in the same way (a `…Section` type read from its scoped `ConfigReader`).
///
/// Sources, first match wins: environment variables `PASSERELLE_<SECTION>_<KEY>` (dots and camelCase boundaries
/// become `_`, upper case, e.g. `PASSERELLE_INSI_TIMEOUTS_REQUEST_SECONDS`), then the YAML file. Relative paths are relative to the file's folder.
public struct PasserelleConfiguration: Sendable {
    /// The file it was read from.
    public let file: String
    public let insi: INSiSection?
    public let broker: BrokerSection?
    public let card: CardSection?

    /// Reads `explicitPath`, else `PASSERELLE_CONFIG`.
    public static func load(
        explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(ConfigurationError) -> PasserelleConfiguration {
        guard let path = explicitPath ?? environment["PASSERELLE_CONFIG"], !path.isEmpty else {
            throw ConfigurationError(.noFile, "")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        guard FileManager.default.isReadableFile(atPath: absolute.path) else {
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
        let reader = ConfigReader(providers: [overrides, yaml])
        let base = absolute.deletingLastPathComponent().path
        let insi = try INSiSection.read(reader.scoped(to: "insi"), baseDirectory: base)
        let broker = try BrokerSection.read(reader.scoped(to: "broker"), baseDirectory: base)
        let card = try CardSection.read(reader.scoped(to: "card"), baseDirectory: base)
        return PasserelleConfiguration(file: absolute.path, insi: insi, broker: broker, card: card)
    }

    /// Resolves a configured path against the configuration file's folder.
    static func resolve(_ path: String, base: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/") { return NSString(string: path).expandingTildeInPath }
        return URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
    }
}
