import Foundation
import PasserelleConfiguration

/// The configuration when one is named (`--config` or `PASSERELLE_CONFIG`), nil otherwise: commands that also
/// work without a file (the store, PSC with `psc.json`) use it only when the person asked for it.
enum OptionalConfiguration {
    static func load(_ global: GlobalOptions) async throws(ConfigurationError) -> PasserelleConfiguration? {
        let environment = ProcessInfo.processInfo.environment
        guard let path = global.config ?? environment["PASSERELLE_CONFIG"], !path.isEmpty else { return nil }
        return try await PasserelleConfiguration.load(explicitPath: path, environment: environment)
    }

    /// `--data-dir`, `PASSERELLE_DATA_DIR`, the file's `dataDirectory`, then `~/.local/share/passerelle`.
    static func dataDirectory(_ global: GlobalOptions, _ configuration: PasserelleConfiguration?) -> String {
        global.dataDir ?? ProcessInfo.processInfo.environment["PASSERELLE_DATA_DIR"] ?? configuration?.dataDirectory
            ?? (NSHomeDirectory() + "/.local/share/passerelle")
    }
}
