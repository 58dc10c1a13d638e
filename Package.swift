// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Passerelle",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "INS", targets: ["INS"]),
        .library(name: "DataMatrix", targets: ["DataMatrix"]),
        .library(name: "INSTagging", targets: ["INSTagging"]),
        .executable(name: "passerelle", targets: ["passerelle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // Pure INS domain: matricule, OIDs, traits, RNIV status machine, DataMatrix payload, interop views. No I/O.
        .target(name: "INS", swiftSettings: strictSettings),
        // Pure ECC 200 encoder and renderers. No I/O, no INS knowledge.
        .target(name: "DataMatrix", swiftSettings: strictSettings),
        // System zlib (Debian zlib1g-dev): INSTagging inflates PDF object and cross-reference streams.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // INS labels and PDF stamping: joins INS payloads to DataMatrix symbols.
        .target(
            name: "INSTagging", dependencies: ["INS", "DataMatrix", "CZlib"], exclude: ["README.md"],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "passerelle",
            dependencies: [
                "INS", "DataMatrix", "INSTagging",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "INSTests",
            dependencies: ["INS", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DataMatrixTests",
            dependencies: ["DataMatrix", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "INSTaggingTests",
            dependencies: ["INSTagging", "INS", "DataMatrix"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PasserelleCLITests",
            dependencies: ["passerelle"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
