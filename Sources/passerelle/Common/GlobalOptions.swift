import ArgumentParser

/// Options every command understands (design.md §8).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (or PASSERELLE_CONFIG).")
    var config: String?

    @Option(name: .customLong("data-dir"), help: "Data directory (or PASSERELLE_DATA_DIR).")
    var dataDir: String?

    @Flag(name: .long, help: "Machine-readable JSON output instead of a table.")
    var json = false
}
