// swift-tools-version: 6.1
// Benchmark of the IdentityStore module (see `run`). A separate package so it never joins the test targets.
//
// The main package exports no IdentityStore product, so instead of depending on it by path this package
// compiles the very same sources through symlinks (`Sources/INS`, `Sources/IdentityStore` → the repo's folders)
// with the same dependencies: what is measured is the committed code, built in release.
import PackageDescription

let package = Package(
    name: "IdentityStoreBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .target(name: "INS", exclude: ["README.md"]),
        .target(
            name: "IdentityStore",
            dependencies: [
                "INS",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "IdentityStoreBench",
            dependencies: [
                "INS", "IdentityStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
